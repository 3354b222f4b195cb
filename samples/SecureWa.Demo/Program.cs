// The one-command demo: `dotnet run --project samples/SecureWa.Demo`.
//
// With no Meta account and nothing but the .NET SDK, it shows the SDK doing its job end to end against a local Cloud API
// stand-in (WireMock.Net in this process, on 127.0.0.1, with the very stubs the integration tests use): messages go through the full secure pipeline (TLS to a generated,
// pinned certificate; token and app secret from a file secret provider; appsecret_proof; rate limiting), then a signed
// webhook is delivered to the receiver sample, verified and parsed, and a forged one is rejected.
// Every check is asserted: the demo exits 1 if any step does not behave as described.
using SecureWa.Demo;

return await DemoRunner.RunAsync(Console.Out);
