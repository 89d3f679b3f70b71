using System;
using System.Collections.Generic;

namespace OgpData.Quality;

/// <summary>What kind of contact data was found.</summary>
internal enum PersonalDataKind
{
    /// <summary>An e-mail address.</summary>
    Email,
    /// <summary>A phone number.</summary>
    Phone,
}

/// <summary>An e-mail address or phone number found in a text, where it is, and whether it looks like an individual's.</summary>
/// <param name="Kind">E-mail or phone.</param>
/// <param name="Start">Where it starts in the text.</param>
/// <param name="Length">How many characters it takes.</param>
/// <param name="Value">The address or number as written.</param>
/// <param name="IsPersonal">True when it looks like an individual's rather than an organisation's.</param>
/// <param name="Reason">Why it was judged so, in English.</param>
internal readonly record struct PersonalDataMatch(PersonalDataKind Kind, int Start, int Length, string Value, bool IsPersonal, string Reason);

/// <summary>
/// Finds e-mail addresses and phone numbers in free text and tells an individual's from an organisation's.
/// </summary>
/// <remarks>
/// <para>E-mail: an address is an organisation's when a part of its local part (split on <c>. _ - +</c>) is a
/// role or service word: info, contact, secretariat, direction, presse, support, webmaster, opengov, ... It
/// is an individual's when it is at a personal mailbox provider (gmail, hotmail, outlook, yahoo, orange.fr,
/// ...) or when its local part is two or more name-like parts (<c>firstname.lastname</c>, <c>j.dupont</c>).
/// A single word at an organisation's domain (<c>alnu@pt.lu</c>, <c>jdupont@ville.fr</c>) cannot be told
/// apart and is not reported.</para>
/// <para>Phone: international numbers (<c>+352 247 82111</c>, <c>(+352) 26 48 30 33</c>, <c>0033 1 ...</c>,
/// 8 to 15 digits), French national numbers (ten digits starting 01–09, grouped or not), and any run of 6 to
/// 15 digits right after a phone label ("tel :", "tél.", "téléphone", "phone", "gsm", "mobile", "portable").
/// A number is an individual's unless the same text gives only an organisation's e-mail address (then the
/// number is read as the organisation's switchboard, as in "Tél. : (+352) 26 48 30 33 info@cet.lu").</para>
/// </remarks>
internal static class PersonalDataScanner
{
    private static readonly HashSet<string> RoleWords = new(StringComparer.Ordinal)
    {
        "info", "infos", "information", "informations", "contact", "contacts", "secretariat", "secretary", "secretariatgeneral", "sg",
        "support", "admin", "administration", "webmaster", "web", "presse", "press", "media", "medias", "communication", "communications",
        "com", "direction", "directeur", "accueil", "reception", "service", "services", "office", "bureau", "mail", "courrier", "hello",
        "bonjour", "noreply", "no", "reply", "dpo", "rgpd", "gdpr", "privacy", "ogp", "pgo", "opengov", "opendata", "open", "data", "donnees",
        "gouvernement", "government", "gov", "ouvert", "team", "equipe", "helpdesk", "help", "aide", "legal", "juridique", "rh", "hr",
        "jobs", "recrutement", "cabinet", "ministere", "ministry", "mairie", "citoyens", "participation", "consultation", "plateforme",
        "platform", "projet", "project", "association", "asbl", "collectif", "agence", "agency", "postmaster", "abuse", "newsletter", "events",
    };

    private static readonly HashSet<string> PersonalProviders = new(StringComparer.Ordinal)
    {
        "gmail", "googlemail", "hotmail", "outlook", "live", "msn", "yahoo", "ymail", "icloud", "aol", "gmx", "protonmail", "proton", "tutanota", "yandex",
    };

    private static readonly HashSet<string> PersonalDomains = new(StringComparer.Ordinal)
    {
        "me.com", "mac.com", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "laposte.net", "neuf.fr", "bbox.fr", "web.de", "mail.com", "pm.me",
    };

    private static readonly string[] PhoneLabels = { "telephone", "tel", "phone", "gsm", "mobile", "portable", "mob", "fax" };

    /// <summary>Every e-mail address and phone number in <paramref name="text"/>, in text order.</summary>
    public static IReadOnlyList<PersonalDataMatch> Scan(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var found = new List<PersonalDataMatch>();
        if (text.IndexOf('@') >= 0) FindEmails(text, found);
        if (HasDigitRun(text)) FindPhones(text, found);
        if (found.Count > 1) found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    // ---- e-mail -------------------------------------------------------------------------------------

    private static void FindEmails(string text, List<PersonalDataMatch> found)
    {
        var at = text.IndexOf('@');
        while (at >= 0)
        {
            var start = at;
            while (start > 0 && IsLocalChar(text[start - 1])) start--;
            while (start < at && (text[start] == '.' || text[start] == '-')) start++;
            var end = at + 1;
            while (end < text.Length && IsDomainChar(text[end])) end++;
            while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) end--;
            var domain = text.Substring(at + 1, end - at - 1);
            var dot = domain.LastIndexOf('.');
            if (start < at && dot > 0 && dot < domain.Length - 2 && IsLetters(domain, dot + 1))
            {
                var local = text.Substring(start, at - start);
                var (personal, reason) = JudgeEmail(local, domain.ToLowerInvariant());
                found.Add(new PersonalDataMatch(PersonalDataKind.Email, start, end - start, text.Substring(start, end - start), personal, reason));
            }
            at = text.IndexOf('@', Math.Max(end, at + 1));
        }
    }

    private static (bool Personal, string Reason) JudgeEmail(string local, string domain)
    {
        var parts = local.ToLowerInvariant().Split(new[] { '.', '_', '-', '+' }, StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            if (RoleWords.Contains(TrimDigits(part))) return (false, "'" + part + "' names a role or a service, not a person");
        }
        var provider = domain.Split('.')[0];
        if (PersonalProviders.Contains(provider) || PersonalDomains.Contains(domain))
            return (true, "a personal mailbox at " + domain);
        var nameLike = 0;
        foreach (var part in parts)
        {
            if (IsLetters(part, 0)) nameLike++;
        }
        if (parts.Length >= 2 && nameLike >= 2) return (true, "'" + local + "' reads as a person's name (firstname.lastname)");
        return (false, "'" + local + "' does not read as a person's name");
    }

    private static string TrimDigits(string part)
    {
        var end = part.Length;
        while (end > 0 && char.IsDigit(part[end - 1])) end--;
        return end == part.Length ? part : part.Substring(0, end);
    }

    private static bool IsLocalChar(char c) => c < 128 && (char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '+' or '%');

    private static bool IsDomainChar(char c) => c < 128 && (char.IsLetterOrDigit(c) || c is '.' or '-');

    private static bool IsLetters(string text, int from)
    {
        if (from >= text.Length) return false;
        for (var i = from; i < text.Length; i++)
        {
            if (!char.IsLetter(text[i])) return false;
        }
        return true;
    }

    // ---- phone --------------------------------------------------------------------------------------

    private static bool HasDigitRun(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            if (c >= '0' && c <= '9')
            {
                if (++run >= 2) return true;
            }
            else run = 0;
        }
        return false;
    }

    private static void FindPhones(string text, List<PersonalDataMatch> found)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var international = c == '+' && i + 1 < text.Length && IsDigit(text[i + 1])
                                || c == '(' && i + 2 < text.Length && text[i + 1] == '+' && IsDigit(text[i + 2]);
            if (!international && (!IsDigit(c) || (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '.' or ',' or '/' or '-'))))
            {
                i++;
                continue;
            }
            if (InsideEmail(found, i))
            {
                i++;
                continue;
            }
            var start = i;
            var digits = 0;
            var end = i;
            var k = i;
            // A phone number: digits with single separators between them (space, dot, hyphen, slash, brackets).
            while (k < text.Length)
            {
                var d = text[k];
                if (IsDigit(d)) { digits++; k++; end = k; continue; }
                if (d is ' ' or '.' or '-' or '/' or '(' or ')' or '+' or '\u00A0')
                {
                    var next = k + 1;
                    while (next < text.Length && text[next] is '(' or ')' or ' ' or '+') next++;
                    if (next < text.Length && IsDigit(text[next]) && next - k <= 3) { k = next; continue; }
                }
                break;
            }
            if (end < text.Length && char.IsLetter(text[end]))
            {
                i = end;
                continue;
            }
            var value = text.Substring(start, end - start);
            var kind = Classify(text, start, value, digits);
            if (kind is not null)
                found.Add(new PersonalDataMatch(PersonalDataKind.Phone, start, end - start, value, true, kind));
            i = Math.Max(end, i + 1);
        }

        // An organisation's switchboard: the text gives no individual's address, only an organisation's.
        var organisationEmail = false;
        foreach (var match in found)
        {
            if (match.Kind != PersonalDataKind.Email) continue;
            if (match.IsPersonal) return;
            organisationEmail = true;
        }
        if (!organisationEmail) return;
        for (var m = 0; m < found.Count; m++)
        {
            if (found[m].Kind == PersonalDataKind.Phone)
                found[m] = found[m] with { IsPersonal = false, Reason = found[m].Reason + "; given beside an organisation's address only, so read as the organisation's number" };
        }
    }

    private static string? Classify(string text, int start, string value, int digits)
    {
        if (value.StartsWith("+", StringComparison.Ordinal) || value.StartsWith("(+", StringComparison.Ordinal))
            return digits is >= 8 and <= 15 ? "an international phone number" : null;
        if (value.StartsWith("00", StringComparison.Ordinal) && digits is >= 10 and <= 15 && value.Length > 2 && value[2] != '0')
            return "an international phone number";
        if (digits == 10 && value[0] == '0' && value.Length > 1 && value[1] is >= '1' and <= '9' && FrenchGrouping(value))
            return "a French phone number";
        if (digits is >= 6 and <= 15 && HasPhoneLabelBefore(text, start)) return "a number given as a phone number";
        return null;
    }

    /// <summary>Ten digits written together or in pairs ("01 23 45 67 89", "01.23.45.67.89").</summary>
    private static bool FrenchGrouping(string value)
    {
        var run = 0;
        var runs = 0;
        foreach (var c in value)
        {
            if (IsDigit(c)) { run++; continue; }
            if (run > 0) { if (run != 2) return false; runs++; }
            run = 0;
        }
        return runs == 0 ? run == 10 : run == 2;
    }

    private static bool HasPhoneLabelBefore(string text, int start)
    {
        var k = start - 1;
        while (k >= 0 && (text[k] is ' ' or ':' or '.' or '\u00A0' or '(' or '\t')) k--;
        var end = k + 1;
        while (k >= 0 && char.IsLetter(text[k])) k--;
        if (end - (k + 1) < 2) return false;
        var word = FoldedWords.Of(text.Substring(k + 1, end - k - 1));
        if (word.Count != 1) return false;
        foreach (var label in PhoneLabels)
        {
            if (word[0] == label) return true;
        }
        return false;
    }

    private static bool InsideEmail(List<PersonalDataMatch> found, int index)
    {
        foreach (var match in found)
        {
            if (match.Kind == PersonalDataKind.Email && index >= match.Start && index < match.Start + match.Length) return true;
        }
        return false;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
