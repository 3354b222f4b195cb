using Microsoft.Extensions.DependencyInjection;
using SecureWa.Sdk;
using SecureWa.Sdk.Audit;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;

// Arguments: <database path> <Graph base URI> <phone number id>; secrets come from the environment.
var secrets = new InMemorySecretProvider();
secrets.Set(SecretNames.AccessToken, Environment.GetEnvironmentVariable("AUDIT_CHILD_TOKEN")!);
secrets.Set(AuditSecretNames.ChainKey("1"), Environment.GetEnvironmentVariable("AUDIT_CHILD_CHAIN_KEY")!);
secrets.Set(AuditSecretNames.Pepper, Environment.GetEnvironmentVariable("AUDIT_CHILD_PEPPER")!);

var services = new ServiceCollection();
services.AddSingleton<ISecretProvider>(secrets);
services.AddSecureWa(o =>
{
    o.BaseAddress = new Uri(args[1]);
    o.PhoneNumberId = args[2];
});
services.AddSecureWaAudit().UseSqlite(args[0]);
await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<WhatsAppClient>().ForOperator(new WhatsAppOperator("agent-child", ["agent"], "sid-child"));

Console.WriteLine("sending");
await client.Messages.SendAsync(new TextMessage("+16505551234", "killed mid-flight"));
Console.WriteLine("sent");
