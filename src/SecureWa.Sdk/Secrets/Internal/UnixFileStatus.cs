using System.Runtime.InteropServices;
using System.Text;

namespace SecureWa.Sdk.Secrets.Internal;

/// <summary>
/// File type and owner on Linux through <c>statx(2)</c>, whose structure has the same layout on every architecture
/// (unlike <c>struct stat</c>). .NET exposes neither the type (FIFO, device, socket) nor the owner of a file.
/// </summary>
internal static class UnixFileStatus
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;
    private const int UidOffset = 20;
    private const int ModeOffset = 28;
    private const int FileTypeMask = 0xF000;
    private static int s_unavailable;

    /// <summary>Regular file.</summary>
    public const int RegularFile = 0x8000;

    /// <summary>Reads the type bits and owner of <paramref name="path"/> (the link itself when <paramref name="followLinks"/> is off); <see langword="null"/> where statx is not available.</summary>
    public static (int FileType, uint Owner)? TryGet(string path, bool followLinks)
    {
        if (!OperatingSystem.IsLinux() || Volatile.Read(ref s_unavailable) != 0)
        {
            return null;
        }

        var buffer = new byte[StatxSize];
        var name = new byte[Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
        Encoding.UTF8.GetBytes(path, name);
        int result;
        try
        {
            result = statx(AtFdCwd, name, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            Volatile.Write(ref s_unavailable, 1);
            return null;
        }

        if (result != 0)
        {
            return null;
        }

        var mode = BitConverter.ToUInt16(buffer, ModeOffset);
        var owner = BitConverter.ToUInt32(buffer, UidOffset);
        return (mode & FileTypeMask, owner);
    }

    /// <summary>The effective user id of this process (Linux only).</summary>
    public static uint EffectiveUserId() => geteuid();

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int statx(int dirfd, byte[] pathname, int flags, uint mask, byte[] statxbuf);

    [DllImport("libc")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint geteuid();
}
