using System.Collections.Generic;
using OgpData.Findings;
using OgpData.Text;

namespace OgpData.Quality.Rules;

/// <summary>
/// OGP0010: an individual's e-mail address or phone number in a public field — any string of the package
/// outside a <c>contacts</c> list, where contact details are meant to be. Organisations' addresses
/// (info@, contact@, secretariat@, ...) are not reported; see <see cref="PersonalDataScanner"/> for how an
/// individual's address is told apart. The finding points at the address inside the string.
/// </summary>
internal sealed class PersonalDataInPublicFieldRule : CommitmentRule
{
    /// <summary>Creates the rule.</summary>
    public PersonalDataInPublicFieldRule() : base(RuleIds.PersonalDataInPublicField) { }

    /// <inheritdoc />
    public override void CheckPackage(PackageView package, RuleContext context)
    {
        // Iterative walk: a deep document must not exhaust the stack.
        var pending = new Stack<JsonTextNode>();
        pending.Push(package.Root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node.Kind == JsonTextKind.String)
            {
                Check(node, context);
                continue;
            }
            var children = node.Children;
            for (var i = children.Count - 1; i >= 0; i--)
            {
                var child = children[i];
                if (node.Kind == JsonTextKind.Object && child.Name == "contacts") continue;
                if (child.Kind is JsonTextKind.String or JsonTextKind.Object or JsonTextKind.Array) pending.Push(child);
            }
        }
    }

    private static void Check(JsonTextNode node, RuleContext context)
    {
        var value = node.StringValue!;
        if (value.Length < 6) return;
        var matches = PersonalDataScanner.Scan(value);
        if (matches.Count == 0) return;
        string? pointer = null;
        foreach (var match in matches)
        {
            if (!match.IsPersonal) continue;
            pointer ??= node.Pointer;
            var start = node.TextOffsetOf(match.Start);
            var end = node.TextOffsetOf(match.Start + match.Length);
            var what = match.Kind == PersonalDataKind.Email ? "An individual's e-mail address" : "A phone number";
            context.Report(pointer, new SourceSpan(start, end - start),
                what + " (" + match.Value + ": " + match.Reason + ") is in a public field; personal contact details belong in the commitment's contacts.",
                match.Value);
        }
    }
}
