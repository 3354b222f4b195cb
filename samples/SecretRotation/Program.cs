// SecureWa.Sdk secret rotation: a token kept in a mounted secret file is replaced while the app runs. The caching
// file provider notices the change without a restart and raises its rotation callback. Values are never printed: the
// sample prints versions and whether the value changed.
//
//   dotnet run --project samples/SecretRotation
using SecureWa.Sdk.Secrets;

var mount = Directory.CreateTempSubdirectory("securewa-rotation-");
try
{
    WriteSecretVolume(mount.FullName, "token-v1-" + Guid.NewGuid().ToString("N"));

    var rotations = 0;
    var secrets = new CachingSecretProvider(
        new FileSecretProvider(mount.FullName),
        new CachingSecretProviderOptions
        {
            TimeToLive = TimeSpan.FromMilliseconds(300), // short for the sample; minutes in production
            RefreshAhead = TimeSpan.FromMilliseconds(100),
            OnSecretRotated = e =>
            {
                Interlocked.Increment(ref rotations);
                Console.WriteLine($"  rotation callback: {e.Name} changed (version {e.PreviousVersion ?? "?"} -> {e.CurrentVersion ?? "?"})");
            },
        });

    var first = await secrets.GetSecretAsync(SecretNames.AccessToken);
    Console.WriteLine($"token read from {mount.FullName}/AccessToken: {first} (version {first.Version ?? "none"})");

    Console.WriteLine("swapping the mounted secret while requests keep reading it...");
    WriteSecretVolume(mount.FullName, "token-v2-" + Guid.NewGuid().ToString("N"));

    SecretValue current = first;
    for (var i = 0; i < 40 && current.HasSameValueAs(first); i++)
    {
        await Task.Delay(100);
        current = await secrets.GetSecretAsync(SecretNames.AccessToken);
    }

    var changed = !current.HasSameValueAs(first);
    Console.WriteLine($"token now: {current} (version {current.Version ?? "none"}), value changed: {(changed ? "yes" : "no")}, rotation callbacks: {Volatile.Read(ref rotations)}");
    return changed ? 0 : 1;
}
finally
{
    mount.Delete(recursive: true);
}

// Writes the secret file the way secret managers do: a new file next to it, then an atomic rename over the old one.
// (Kubernetes' "..data" symlink swap is handled too; the SDK's tests cover it.)
static void WriteSecretVolume(string mount, string token)
{
    var staging = Path.Combine(mount, ".AccessToken.new");
    File.WriteAllText(staging, token + "\n");
    if (!OperatingSystem.IsWindows())
    {
        File.SetUnixFileMode(staging, UnixFileMode.UserRead | UnixFileMode.UserWrite); // 0600: anything wider is refused
    }

    File.Move(staging, Path.Combine(mount, SecretNames.AccessToken), overwrite: true);
}
