using System.Runtime.InteropServices;

namespace SecureWa.Sdk.Tests.TestSupport;

/// <summary>rename(2): swaps a symbolic link atomically, as kubelet swaps a secret volume's <c>..data</c> link (File.Move refuses links to directories).</summary>
internal static partial class UnixRename
{
    public static void Replace(string source, string destination)
    {
        if (rename(source, destination) != 0)
        {
            throw new IOException($"rename failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int rename([MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath);
}
