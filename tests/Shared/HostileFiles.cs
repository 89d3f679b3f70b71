using System.Text;

namespace OgpData.Testing;

/// <summary>
/// What the hostile-input tests of the library and of the CLI share: a temporary folder to write generated
/// files into, two small valid documents to damage, and nesting as deep as the worst files nest.
/// </summary>
public abstract class HostileFiles : IDisposable
{
    /// <summary>How deep the nesting tests nest: far past every limit, and past what a recursive reader survives.</summary>
    protected const int Deep = 200_000;

    /// <summary>A small valid commitment package.</summary>
    protected const string Package = """
        {"version": "1.0", "actionPlans": [{"id": "LU-2019-2021", "member": "LU", "commitments": [{"id": "LU0001", "title": "Données ouvertes",
          "ogpValues": ["accessToInformation"], "leadAgency": {"name": "SIP"}, "contacts": [{"name": "Service"}],
          "milestones": [{"id": "LU0001-1", "description": "Publication de 12 jeux de données", "period": {"endDate": "2021-08"}}]}]}]}
        """;

    /// <summary>A small valid OCDS release package.</summary>
    protected const string ReleasePackage = """
        {"uri": "https://example.org/p.json", "publishedDate": "2020-01-01T00:00:00Z", "version": "1.1",
         "releases": [{"ocid": "ocds-213czf-1", "id": "1", "date": "2020-01-01T00:00:00Z", "tag": ["tender"], "initiationType": "tender",
           "tender": {"id": "T1", "value": {"amount": 10, "currency": "EUR"}}}]}
        """;

    /// <summary>The folder the generated files go to, removed after each test.</summary>
    protected string Folder { get; } = Directory.CreateTempSubdirectory("ogpdata-hostile-").FullName;

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    protected string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary><paramref name="depth"/> arrays, each in the one before.</summary>
    protected static string Nest(int depth) => new string('[', depth) + new string(']', depth);
}
