using System.Reflection;
using System.Runtime.Loader;
using OgpData.Testing;

namespace OgpData.Rules.Tests.EndToEnd;

/// <summary>
/// The one MSBuild property that gives help links: built with <c>OgpDataDocumentationUrl</c>, the rules
/// assembly links each rule to its page under that address; built without (as in every other test), it links nowhere.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class DocumentationAddressTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("ogpdata-docs-address-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_output, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public void A_configured_address_gives_each_rule_its_page_link()
    {
        // A copy of the project and what it reads (repository props, docs/rules), so the test run's own build is left as it is.
        var tree = Path.Combine(_output, "repo");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "nuget.config", "global.json" })
        {
            Directory.CreateDirectory(tree);
            if (File.Exists(SharedData.InRepo(file))) File.Copy(SharedData.InRepo(file), Path.Combine(tree, file));
        }
        CopyTree(SharedData.InRepo("src/OgpData.Rules"), Path.Combine(tree, "src", "OgpData.Rules"));
        CopyTree(SharedData.InRepo("docs/rules"), Path.Combine(tree, "docs", "rules"));
        var bin = Path.Combine(_output, "bin");
        var build = DotNet.Run(tree, TimeSpan.FromMinutes(8), "build", Path.Combine(tree, "src", "OgpData.Rules", "OgpData.Rules.csproj"),
            "-o", bin, "-p:OgpDataDocumentationUrl=https://docs.example.org/ogpdata/docs", "--disable-build-servers", "-nodeReuse:false",
            "-p:UseSharedCompilation=false");
        Assert.True(build.ExitCode == 0, "dotnet build failed:\n" + build.Output);

        var context = new AssemblyLoadContext("configured-rules", isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(Path.Combine(bin, "OgpData.Rules.dll"));
            var documentation = assembly.GetType("OgpData.Findings.RuleDocumentation", throwOnError: true)!;
            var root = documentation.GetProperty("DocumentationUri")!.GetValue(null);
            var page = documentation.GetMethod("PageUri")!.Invoke(null, ["OGP0001"]);
            Assert.Equal("https://docs.example.org/ogpdata/docs/", root);
            Assert.Equal("https://docs.example.org/ogpdata/docs/rules/OGP0001.md", page);
        }
        finally
        {
            context.Unload();
        }
        // This test run's own build was given no address.
        Assert.Null(OgpData.Findings.RuleDocumentation.DocumentationUri);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj") continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
