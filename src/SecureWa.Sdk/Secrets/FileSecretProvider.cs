using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SecureWa.Sdk.Secrets.Internal;

namespace SecureWa.Sdk.Secrets;

/// <summary>
/// Reads each secret from its own file: the Kubernetes secret volume and Docker secret pattern.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Every read resolves the path through all symbolic links (Kubernetes swaps a <c>..data</c> link when
/// a secret is updated) and compares the target, its last-write time and its length with the previous read;
/// the file's content is read again only when one changed, so a rotated file is picked up by the next read
/// without a restart, a watcher or a timer.</item>
/// <item>Exactly one trailing newline (<c>\n</c> or <c>\r\n</c>, as written by <c>echo</c> and most editors) is
/// removed. Any other leading or trailing white space, an empty file, a byte order mark, invalid UTF-8 or a
/// file larger than <see cref="FileSecretProviderOptions.MaxFileSize"/> is refused.</item>
/// <item>A symbolic link may point only within the file's directory (Kubernetes' <c>..data</c> links do); a link
/// leaving it, a kernel or device file (<c>/proc</c>, <c>/sys</c>, <c>/dev</c>), and anything that is not a regular
/// file (a FIFO, socket or device: checked with <c>statx(2)</c> before opening, so a FIFO never blocks) are refused.
/// In a world-writable directory, a file (or link) owned by another user than this process or root is refused.
/// A value spanning several lines is refused.</item>
/// <item>On Unix, a file readable or writable by every user (<c>o+r</c> or <c>o+w</c>) is refused. Give
/// Kubernetes secret volumes <c>defaultMode: 0400</c> (or <c>0440</c> with an <c>fsGroup</c>) and Docker
/// secrets <c>mode: 0400</c>; the Kubernetes default, 0644, is world-readable. Windows ACLs are not checked.</item>
/// <item>Errors name the logical name and the path, never the content. A missing file is a
/// <see cref="SecretNotFoundException"/> (a <see cref="ChainedSecretProvider"/> moves on); an unreadable,
/// world-readable or malformed file is a <see cref="SecretProviderException"/> (a chain stops).</item>
/// </list>
/// Reads are synchronous (the files are small and local). Thread-safe.
/// </remarks>
public sealed class FileSecretProvider : ISecretProvider, ISecretCatalog
{
    private const int MaxSymbolicLinks = 40;
    private const UnixFileMode WorldAccess = UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string? _directory;
    private readonly Dictionary<string, string> _files;
    private readonly int _maxFileSize;
    private readonly ConcurrentDictionary<string, CachedFile> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates a provider reading each logical name from the file of that name in <paramref name="directory"/>.</summary>
    /// <param name="directory">The directory, such as a Kubernetes secret volume.</param>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is <see langword="null"/> or empty.</exception>
    public FileSecretProvider(string directory)
        : this(CreateOptions(directory))
    {
    }

    /// <summary>Creates a provider.</summary>
    /// <param name="options">The directory and/or the files of each logical name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Neither a directory nor a file is given, or a mapping is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="FileSecretProviderOptions.MaxFileSize"/> is not between 1 and <see cref="FileSecretProviderOptions.MaxAllowedFileSize"/>.</exception>
    public FileSecretProvider(FileSecretProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxFileSize is < 1 or > FileSecretProviderOptions.MaxAllowedFileSize)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxFileSize, $"{nameof(FileSecretProviderOptions.MaxFileSize)} must be between 1 and {FileSecretProviderOptions.MaxAllowedFileSize} bytes.");
        }

        if (string.IsNullOrEmpty(options.Directory) && options.Files.Count == 0)
        {
            throw new ArgumentException("Set a Directory, map at least one file in Files, or both.", nameof(options));
        }

        _directory = string.IsNullOrEmpty(options.Directory) ? null : Path.GetFullPath(options.Directory);
        _maxFileSize = options.MaxFileSize;
        _files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, file) in options.Files)
        {
            ArgumentException.ThrowIfNullOrEmpty(name, nameof(options));
            ArgumentException.ThrowIfNullOrEmpty(file, nameof(options));
            _files[name] = _directory is null ? Path.GetFullPath(file) : Path.GetFullPath(file, _directory);
        }
    }

    /// <summary>Test seam: the user id the ownership check compares with (the process's effective user id when unset).</summary>
    internal uint? AssumedEffectiveUserId { get; init; }

    /// <summary>The file that holds a logical name, if one is mapped (or follows from the directory convention).</summary>
    /// <param name="name">The logical name.</param>
    /// <returns>The full path, or <see langword="null"/>.</returns>
    public string? GetPath(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (_files.TryGetValue(name, out var path))
        {
            return path;
        }

        // The convention only turns plain file names into paths: no separators, no "." or "..".
        if (_directory is null || name is "." or ".." || name.AsSpan().IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        return Path.Join(_directory, name);
    }

    /// <summary>Tells whether the file of <paramref name="name"/> exists (a metadata check; the content is not read).</summary>
    /// <param name="name">The logical name.</param>
    /// <returns><see langword="true"/> when the file exists.</returns>
    public bool CanProvide(string name) => GetPath(name) is { } path && File.Exists(path);

    /// <inheritdoc />
    public ValueTask<SecretValue> GetSecretAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return new ValueTask<SecretValue>(Read(name));
        }
        catch (SecretProviderException ex)
        {
            return ValueTask.FromException<SecretValue>(ex);
        }
    }

    /// <summary>Forgets the cached content of <paramref name="name"/>, so the next read opens the file even if it looks unchanged.</summary>
    /// <param name="name">The logical name.</param>
    public void Invalidate(string name)
    {
        if (name is not null)
        {
            _cache.TryRemove(name, out _);
        }
    }

    private static FileSecretProviderOptions CreateOptions(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return new FileSecretProviderOptions { Directory = directory };
    }

    private SecretValue Read(string name)
    {
        var path = GetPath(name)
            ?? throw new SecretNotFoundException(name, $"No file is mapped to the secret '{name}'.");

        string target;
        string root;
        try
        {
            target = ResolvePhysicalPath(path);
            root = ResolvePhysicalPath(Path.GetDirectoryName(path) ?? path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SecretProviderException(name, $"The path '{path}' of the secret '{name}' could not be resolved ({ex.GetType().Name}).", ex);
        }

        // Links may move within the directory (Kubernetes' ..data swap), never out of it.
        if (!IsInside(target, root))
        {
            throw new SecretProviderException(name, $"The path '{path}' of the secret '{name}' resolves to '{target}', outside its directory '{root}'; a symbolic link may only point within that directory.");
        }

        if (!OperatingSystem.IsWindows() && (target.StartsWith("/proc/", StringComparison.Ordinal) || target.StartsWith("/sys/", StringComparison.Ordinal) || target.StartsWith("/dev/", StringComparison.Ordinal)))
        {
            throw new SecretProviderException(name, $"The path '{path}' of the secret '{name}' is a kernel or device file ('{target}'), not a regular file.");
        }

        var info = new FileInfo(target);
        if (!info.Exists)
        {
            if (System.IO.Directory.Exists(target))
            {
                throw new SecretProviderException(name, $"The path '{path}' of the secret '{name}' is a directory, not a file.");
            }

            throw new SecretNotFoundException(name, $"The file '{path}' of the secret '{name}' does not exist.");
        }

        CheckTypeAndOwner(name, path, target, info);

        if (!OperatingSystem.IsWindows() && (info.UnixFileMode & WorldAccess) != 0)
        {
            throw new SecretProviderException(
                name,
                $"The file '{path}' of the secret '{name}' is readable or writable by every user (mode {FormatMode(info.UnixFileMode)}); restrict it to its owner (chmod 600 or 400) or group (chmod 640 or 440; Kubernetes: defaultMode 0400 or 0440).");
        }

        var length = info.Length;
        var lastWrite = info.LastWriteTimeUtc;
        if (length > _maxFileSize)
        {
            throw new SecretProviderException(name, $"The file '{path}' of the secret '{name}' is {length} bytes, more than the {_maxFileSize} bytes allowed.");
        }

        if (_cache.TryGetValue(name, out var cached) && cached.Target == target && cached.LastWriteUtc == lastWrite && cached.Length == length)
        {
            return cached.Value;
        }

        var value = new SecretValue(ReadContent(name, path, target, length), lastWrite.ToString("O", CultureInfo.InvariantCulture));
        _cache[name] = new CachedFile(target, lastWrite, length, value);
        return value;
    }

    private string ReadContent(string name, string path, string target, long length)
    {
        // Sized by the file (one byte more to notice growth), not by the cap; grown to the cap only if the file grew.
        var buffer = new byte[(int)Math.Min(length, _maxFileSize) + 1];
        var count = 0;
        try
        {
            using (var stream = new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1))
            {
                int read;
                while ((read = stream.Read(buffer, count, buffer.Length - count)) > 0)
                {
                    count += read;
                    if (count == buffer.Length)
                    {
                        if (buffer.Length > _maxFileSize)
                        {
                            break;
                        }

                        var grown = new byte[_maxFileSize + 1];
                        buffer.AsSpan(0, count).CopyTo(grown);
                        CryptographicOperations.ZeroMemory(buffer);
                        buffer = grown;
                    }
                }
            }

            if (count > _maxFileSize)
            {
                throw new SecretProviderException(name, $"The file '{path}' of the secret '{name}' is more than the {_maxFileSize} bytes allowed.");
            }

            var span = buffer.AsSpan(0, count);
            if (span.EndsWith("\r\n"u8))
            {
                span = span[..^2];
            }
            else if (span.EndsWith("\n"u8))
            {
                span = span[..^1];
            }

            if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                throw new SecretProviderException(name, $"The file '{path}' of the secret '{name}' starts with a byte order mark; save it as UTF-8 without BOM.");
            }

            string text;
            try
            {
                text = StrictUtf8.GetString(span);
            }
            catch (DecoderFallbackException)
            {
                throw new SecretProviderException(name, $"The file '{path}' of the secret '{name}' is not valid UTF-8.");
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                throw new SecretProviderException(name, $"The file '{path}' of the secret '{name}' is empty (or holds only white space).");
            }

            if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
            {
                throw new SecretProviderException(name, $"The file '{path}' of the secret '{name}' has leading or trailing white space beyond one final newline.");
            }

            if (text.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new SecretProviderException(name, $"The file '{path}' of the secret '{name}' spans several lines; a secret file holds one value (one final newline is allowed).");
            }

            return text;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SecretNotFoundException(name, $"The file '{path}' of the secret '{name}' does not exist.");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new SecretProviderException(name, $"The file '{path}' of the secret '{name}' cannot be read by this process (permission denied).", ex);
        }
        catch (IOException ex)
        {
            throw new SecretProviderException(name, $"The file '{path}' of the secret '{name}' could not be read ({ex.GetType().Name}).", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, count));
        }
    }

    private void CheckTypeAndOwner(string name, string path, string target, FileInfo info)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var status = UnixFileStatus.TryGet(target, followLinks: true);
        if (status is null)
        {
            // No statx (not Linux): a FIFO, device or pseudo file reports length 0 and is never opened.
            if (info.Length == 0)
            {
                throw new SecretProviderException(name, $"The file '{path}' of the secret '{name}' is empty or not a regular file.");
            }

            return;
        }

        if (status.Value.FileType != UnixFileStatus.RegularFile)
        {
            // Checked before opening: opening a FIFO would block until a writer appears.
            throw new SecretProviderException(name, $"The path '{path}' of the secret '{name}' is not a regular file (a FIFO, socket or device).");
        }

        var user = AssumedEffectiveUserId ?? UnixFileStatus.EffectiveUserId();
        CheckOwner(name, path, target, status.Value.Owner, user);
        if (!string.Equals(path, target, StringComparison.Ordinal) && UnixFileStatus.TryGet(path, followLinks: false) is { } link)
        {
            CheckOwner(name, path, path, link.Owner, user);
        }
    }

    private static void CheckOwner(string name, string path, string entry, uint owner, uint user)
    {
        // In a world-writable directory (/tmp-like), anyone can plant an entry: trust only ours or root's.
        if (OperatingSystem.IsWindows() || owner == user || owner == 0 || Path.GetDirectoryName(entry) is not { } directory)
        {
            return;
        }

        if ((File.GetUnixFileMode(directory) & UnixFileMode.OtherWrite) != 0)
        {
            throw new SecretProviderException(name, $"The file '{path}' of the secret '{name}' is owned by another user (uid {owner}) in the world-writable directory '{directory}'.");
        }
    }

    private static bool IsInside(string target, string root)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return target.StartsWith(prefix, comparison);
    }

    /// <summary>Resolves every symbolic link in <paramref name="path"/>, like realpath(3), so a swapped <c>..data</c> link shows as a new target.</summary>
    private static string ResolvePhysicalPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var pending = new Stack<string>();
        PushComponents(pending, full.AsSpan(root.Length));
        var current = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var next = Path.Join(current, part);
            var linkTarget = new FileInfo(next).LinkTarget;
            if (linkTarget is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxSymbolicLinks)
            {
                throw new IOException("Too many levels of symbolic links.");
            }

            if (Path.IsPathRooted(linkTarget))
            {
                var targetRoot = Path.GetPathRoot(linkTarget)!;
                current = targetRoot;
                PushComponents(pending, linkTarget.AsSpan(targetRoot.Length));
            }
            else
            {
                PushComponents(pending, linkTarget);
            }
        }

        return current;
    }

    private static void PushComponents(Stack<string> pending, ReadOnlySpan<char> relative)
    {
        var parts = relative.ToString().Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }

    private static string FormatMode(UnixFileMode mode) => Convert.ToString((int)mode & 0xFFF, 8).PadLeft(4, '0');

    private sealed record CachedFile(string Target, DateTime LastWriteUtc, long Length, SecretValue Value);
}
