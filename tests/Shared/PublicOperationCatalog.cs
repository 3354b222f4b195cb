using System.Reflection;

namespace SecureWa.Sdk.TestSupport;

/// <summary>
/// The public operations of the SDK: public instance methods returning a task (or an async stream) declared on public
/// <c>*Client</c> types (the entry point excluded) of every SecureWa.Sdk assembly next to the test assembly, loaded
/// here if nothing loaded it yet, so a sub-client in an add-on package is never missed.
/// </summary>
internal static class PublicOperationCatalog
{
    /// <summary>The shipping SecureWa.Sdk assemblies in the test's output directory (tests, benchmarks and samples excluded).</summary>
    public static IReadOnlyList<Assembly> SdkAssemblies()
    {
        var assemblies = new Dictionary<string, Assembly>(StringComparer.Ordinal)
        {
            [typeof(WhatsAppClient).Assembly.GetName().Name!] = typeof(WhatsAppClient).Assembly,
        };
        foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (IsShipping(loaded.GetName().Name))
            {
                assemblies.TryAdd(loaded.GetName().Name!, loaded);
            }
        }

        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "SecureWa.Sdk*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (IsShipping(name) && !assemblies.ContainsKey(name))
            {
                assemblies[name] = Assembly.Load(new AssemblyName(name));
            }
        }

        return assemblies.Values.OrderBy(a => a.GetName().Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every public operation of every public sub-client.</summary>
    public static IEnumerable<MethodInfo> PublicOperations() => SdkAssemblies()
        .SelectMany(a => a.GetExportedTypes())
        .Where(t => t.IsClass && t.Name.EndsWith("Client", StringComparison.Ordinal) && t != typeof(WhatsAppClient))
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => !m.IsSpecialName && (typeof(Task).IsAssignableFrom(m.ReturnType) || (m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)) || m.ReturnType.GetInterfaces().Any(static i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)) || m.ReturnType.Name.StartsWith("ValueTask", StringComparison.Ordinal)))
        .OrderBy(Describe, StringComparer.Ordinal);

    /// <summary><c>Type.Method(ParameterTypes)</c>, unique per overload.</summary>
    public static string Describe(MethodInfo method) =>
        method.DeclaringType!.Name + "." + method.Name + "(" + string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name)) + ")";

    private static bool IsShipping(string? name) =>
        name is not null && name.StartsWith("SecureWa.Sdk", StringComparison.Ordinal)
        && !name.Contains("Tests", StringComparison.Ordinal) && !name.Contains("Benchmarks", StringComparison.Ordinal);
}
