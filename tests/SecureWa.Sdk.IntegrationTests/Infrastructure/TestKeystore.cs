namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>A PKCS#12 keystore file in a private temporary directory; disposing deletes it.</summary>
public sealed class TestKeystore : IDisposable
{
    internal TestKeystore(string path, string password)
    {
        Path = path;
        Password = password;
    }

    /// <summary>The keystore file.</summary>
    public string Path { get; }

    /// <summary>The password protecting the store and the key (generated per keystore).</summary>
    public string Password { get; }

    /// <summary>The Java keystore type, <c>PKCS12</c>.</summary>
    public string Type => "PKCS12";

    /// <summary>Deletes the keystore and its directory.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
        catch (UnauthorizedAccessException)
        {
            // Best effort.
        }
    }
}
