using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using SecureWa.Sdk.Access;
using SecureWa.Sdk.AspNetCore;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.IntegrationTests.Http;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Sessions;

namespace SecureWa.Sdk.IntegrationTests.Access;

/// <summary>
/// The application a help desk would write, on a real Kestrel on 127.0.0.1: operator sessions as bearer tokens,
/// access control on, the SDK pointed at WireMock. <c>POST /send</c> sends a text (agents), <c>DELETE /media/{id}</c>
/// deletes media (admins), <c>POST /anonymous-send</c> calls the SDK without any authentication.
/// </summary>
internal sealed class OperatorAppServer : IAsyncDisposable
{
    public const string PhoneNumberId = "106540352242922";
    public const string Recipient = "16505551234";
    public const string Issuer = "https://helpdesk.example.test";
    public const string Audience = "helpdesk-api";
    public const string SsoIssuer = "https://login.microsoftonline.com/0f6e-tenant/v2.0";
    public const string SsoAudience = "api://helpdesk";

    private readonly WebApplication _app;

    private OperatorAppServer(WebApplication app, HttpClient client, RSA ssoKey, CapturingLoggerProvider logs, string accessToken)
    {
        _app = app;
        Client = client;
        SsoKey = ssoKey;
        Logs = logs;
        AccessToken = accessToken;
    }

    public HttpClient Client { get; }

    public OperatorSessionService Sessions => _app.Services.GetRequiredService<OperatorSessionService>();

    public RSA SsoKey { get; }

    public CapturingLoggerProvider Logs { get; }

    public string AccessToken { get; }

    public static async Task<OperatorAppServer> StartAsync(Uri wireMockBaseUri)
    {
        var ssoKey = RSA.Create(2048);
        var parameters = ssoKey.ExportParameters(false);
        var jwks = $$"""{"keys":[{"kty":"RSA","use":"sig","kid":"sso-1","n":"{{Base64UrlEncoder.Encode(parameters.Modulus)}}","e":"{{Base64UrlEncoder.Encode(parameters.Exponent)}}"}]}""";

        var accessToken = "EAAG" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var secrets = new InMemorySecretProvider();
        secrets.Set(SecretNames.AccessToken, accessToken);
        using (var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            secrets.Set(SecretNames.OperatorSessionSigningKey, signing.ExportECPrivateKeyPem());
        }

        var logs = new CapturingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<ISecretProvider>(secrets);
        builder.Services.AddSecureWa(o =>
        {
            o.BaseAddress = wireMockBaseUri;
            o.PhoneNumberId = PhoneNumberId;
            o.RateLimiting.RecipientBurst = 10_000;
        });
        builder.Services.AddSecureWaAccessControl();
        builder.Services.AddSecureWaOperatorSessions(o =>
        {
            o.Issuer = Issuer;
            o.Audience = Audience;
            o.IdentityProviders.Add(new OperatorIdentityProviderOptions
            {
                Name = "entra",
                Issuer = SsoIssuer,
                Audiences = [SsoAudience],
                SigningKeysJwks = jwks,
                SubjectClaim = "oid",
                RoleMap = new() { ["Helpdesk.Agent"] = [WhatsAppRoles.Agent], ["Helpdesk.Admin"] = [WhatsAppRoles.Admin] },
            });
        });
        builder.Services.AddSecureWaOperatorAccessor();
        builder.Services.AddAuthentication(OperatorSessionAuthenticationDefaults.AuthenticationScheme).AddSecureWaOperatorSessions();
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPost("/send", (WhatsAppClient client, CancellationToken ct) => Guarded(async () =>
        {
            var result = await client.Messages.SendAsync(new TextMessage("+" + Recipient, "Your ticket was answered."), cancellationToken: ct);
            return Results.Text(result.MessageId);
        })).RequireAuthorization();
        app.MapDelete("/media/{id}", (string id, WhatsAppClient client, CancellationToken ct) => Guarded(async () =>
        {
            await client.Media.DeleteAsync(id, cancellationToken: ct);
            return Results.NoContent();
        })).RequireAuthorization();
        app.MapPost("/anonymous-send", (WhatsAppClient client, CancellationToken ct) => Guarded(async () =>
        {
            await client.Messages.SendAsync(new TextMessage("+" + Recipient, "hi"), cancellationToken: ct);
            return Results.Ok();
        }));
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new OperatorAppServer(app, new HttpClient { BaseAddress = new Uri(address) }, ssoKey, logs, accessToken);
    }

    /// <summary>The app's own error mapping: a denial is a 403 naming the permission (the exception message names no phone number).</summary>
    private static async Task<IResult> Guarded(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (WhatsAppAccessDeniedException denied)
        {
            return Results.Text(denied.Reason + " " + denied.Permission, statusCode: StatusCodes.Status403Forbidden);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        SsoKey.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
