using System.Text.RegularExpressions;
using OgpData.Testing;

namespace OgpData.Cli.Tests;

/// <summary>The readme packed into the OgpData and OgpData.Cli packages (src/PackageReadme.md) stands alone on a feed.</summary>
public sealed class PackageReadmeTests
{
    private static readonly string Readme = File.ReadAllText(SharedData.InRepo("src/PackageReadme.md"));

    [Fact]
    public void Links_nowhere_outside_the_package()
    {
        // No Markdown link or image, no autolink, no address: a feed shows the readme without the repository beside it.
        Assert.DoesNotMatch(@"\]\(", Readme);
        Assert.DoesNotMatch(@"<[a-z]+:", Readme);
        Assert.DoesNotContain("http", Readme);
        Assert.DoesNotContain("../", Readme);
    }

    [Fact]
    public void Shows_the_library_front_door_and_commands_the_cli_accepts()
    {
        Assert.Contains("new DocumentValidator(new ValidationOptions", Readme);
        var commands = Regex.Matches(Readme, @"^ogpdata (\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(["validate", "convert", "rules"], commands);
        foreach (var command in commands)
        {
            // Each command the readme shows is one the tool has (its help exits 0).
            Assert.Equal(0, Cli.Run(command, "--help").ExitCode);
        }
        Assert.Equal(0, Cli.Run("rules", "OGP0001").ExitCode);
    }
}
