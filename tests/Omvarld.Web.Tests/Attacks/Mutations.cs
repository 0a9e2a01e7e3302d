using System.Text.Json;

namespace Omvarld.Web.Tests.Attacks;

/// <summary>What a value is meant to be, as far as the OpenAPI document or the form's input says.</summary>
public enum ValueKind { String, Uuid, Date, DateTime, Enum, Integer, Number, Boolean, Array, Object, Unknown }

/// <summary>A bad value: its name (the mutation kind in a failure) and its text, as raw JSON or as a form/URL value.</summary>
public sealed record BadValue(string Name, string Text);

/// <summary>
/// The bad values the suite sends, by the kind of value they replace. JSON values are raw JSON text, so that numbers
/// past any .NET type (1e400), lone surrogates and the like reach the server exactly as written.
/// </summary>
public static class Mutations
{
    public const int HugeLength = 100_000;
    public static readonly string Huge = new('å', HugeLength);

    private static string J(string s) => JsonSerializer.Serialize(s);

    /// <summary>Strings: control and format characters, sizes, markup.</summary>
    public static readonly BadValue[] StringTexts =
    [
        new("huge-string", Huge),
        new("nul", "a\0b"),
        new("control-chars", "\u0001\u0007\u0008\u001b[2J\u007f\r\n\t"),
        new("bidi-override", "\u202Efdp.exe\u202C\u2066x\u2069"),
        new("zero-width", "\u200B\u200D\uFEFF"),
        new("empty", ""),
        new("whitespace", " \t\u00A0\u2003 "),
        new("markup", "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>"),
        new("sql", "' OR 1=1; DROP TABLE \"Activities\"; --"),
        new("long-line", new string('x', 5_000)),
    ];

    public static readonly BadValue[] DateTexts =
    [
        new("date-min", "0001-01-01"), new("date-max", "9999-12-31"), new("date-year-0", "0000-01-01"),
        new("date-invalid", "2025-13-45"), new("date-feb-30", "2025-02-30"), new("date-garbage", "igår"),
        new("date-negative-year", "-0001-01-01"), new("date-five-digit-year", "10000-01-01"),
    ];

    public static readonly BadValue[] DateTimeTexts =
    [
        new("datetime-min", "0001-01-01T00:00:00Z"), new("datetime-max", "9999-12-31T23:59:59Z"),
        new("datetime-max-offset", "9999-12-31T23:59:59-14:00"), new("datetime-invalid", "2025-13-45T25:61:00Z"), new("date-garbage", "igår"),
    ];

    public static readonly BadValue[] IntegerTexts =
    [
        new("int-zero", "0"), new("int-minus-one", "-1"), new("int-max", int.MaxValue.ToString()), new("int-min", int.MinValue.ToString()),
        new("long-overflow", "9223372036854775808"), new("number-1e400", "1e400"), new("fraction", "1.5"), new("not-a-number", "abc"),
    ];

    public static readonly BadValue[] NumberTexts =
    [
        new("number-minus-one", "-1"), new("number-1e308", "1e308"), new("number-1e400", "1e400"),
        new("decimal-overflow", "79228162514264337593543950336"), new("decimal-negative-overflow", "-79228162514264337593543950336"),
        new("tiny-fraction", "0.000000000000000000000000001"), new("int-max", int.MaxValue.ToString()), new("not-a-number", "abc"),
    ];

    public static BadValue[] GuidTexts(string? foreign, Func<Guid> random) =>
    [
        new("guid-random", random().ToString()), new("guid-empty", Guid.Empty.ToString()), new("guid-malformed", "not-a-guid"),
        .. foreign is null ? Array.Empty<BadValue>() : [new BadValue("other-municipality-id", foreign)],
    ];

    /// <summary>Raw JSON values for a property of <paramref name="kind"/> (each replaces the property's value).</summary>
    public static IEnumerable<BadValue> Json(ValueKind kind, string? foreign, Func<Guid> random, string? baseItemJson, IReadOnlyList<string>? enumValues)
    {
        yield return new("null", "null");
        switch (kind)
        {
            case ValueKind.String:
                foreach (var v in StringTexts) yield return new(v.Name, J(v.Text));
                yield return new("lone-surrogate", "\"\\ud800x\"");
                yield return new("wrong-type-number", "12345");
                yield return new("wrong-type-object", "{}");
                yield return new("wrong-type-array", "[\"x\"]");
                if (foreign is not null) yield return new("other-municipality-id", J(foreign));
                break;
            case ValueKind.Uuid:
                yield return new("guid-random", J(random().ToString()));
                yield return new("guid-empty", J(Guid.Empty.ToString()));
                yield return new("guid-malformed", J("not-a-guid"));
                yield return new("wrong-type-number", "1");
                yield return new("nul", J("\0"));
                if (foreign is not null) yield return new("other-municipality-id", J(foreign));
                break;
            case ValueKind.Date:
                foreach (var v in DateTexts) yield return new(v.Name, J(v.Text));
                yield return new("wrong-type-number", "20250101");
                break;
            case ValueKind.DateTime:
                foreach (var v in DateTimeTexts) yield return new(v.Name, J(v.Text));
                yield return new("wrong-type-number", "20250101");
                break;
            case ValueKind.Enum:
                yield return new("enum-unknown", J("NotAValue"));
                yield return new("enum-number", "999");
                yield return new("enum-empty", J(""));
                yield return new("enum-huge", J(Huge));
                yield return new("enum-nul", J("a\0"));
                if (enumValues is { Count: > 0 }) yield return new("enum-lower-case", J(enumValues[0].ToLowerInvariant() + "\u0000"));
                break;
            case ValueKind.Integer:
                foreach (var v in IntegerTexts) yield return new(v.Name, v.Name == "not-a-number" ? J(v.Text) : v.Text);
                yield return new("number-as-string", J("12"));
                break;
            case ValueKind.Number:
                foreach (var v in NumberTexts) yield return new(v.Name, v.Name == "not-a-number" ? J(v.Text) : v.Text);
                yield return new("nan-string", J("NaN"));
                yield return new("infinity-string", J("Infinity"));
                break;
            case ValueKind.Boolean:
                yield return new("bool-as-string", J("ja"));
                yield return new("bool-as-number", "1");
                break;
            case ValueKind.Array:
                yield return new("null-in-array", "[null]");
                if (baseItemJson is not null)
                {
                    yield return new("null-after-item", $"[{baseItemJson},null]");
                    yield return new("big-array", "[" + string.Join(",", Enumerable.Repeat(baseItemJson, 2_000)) + "]");
                    yield return new("nested-array", $"[[{baseItemJson}]]");
                }
                yield return new("wrong-item-type", "[12345, true, {}]");
                yield return new("object-instead-of-array", "{}");
                yield return new("string-instead-of-array", J("x"));
                break;
            case ValueKind.Object:
                yield return new("empty-object", "{}");
                yield return new("array-instead-of-object", "[]");
                yield return new("string-instead-of-object", J("x"));
                break;
            default:
                yield return new("huge-string", J(Huge));
                yield return new("nul", J("\0"));
                break;
        }
    }

    /// <summary>Text values (URL query or route values, form fields) for a value of <paramref name="kind"/>.</summary>
    public static IEnumerable<BadValue> Text(ValueKind kind, string? foreign, Func<Guid> random)
    {
        IEnumerable<BadValue> values = kind switch
        {
            ValueKind.Uuid => GuidTexts(foreign, random).Concat([new("nul", "\0"), new("huge-string", Huge)]),
            ValueKind.Date => DateTexts.Concat([new("nul", "2025-01-01\0")]),
            ValueKind.DateTime => DateTimeTexts,
            ValueKind.Integer => IntegerTexts.Concat([new("nul", "1\0"), new("huge-digits", new string('9', 5_000))]),
            ValueKind.Number => NumberTexts.Concat([new("comma-decimal", "1,5"), new("nul", "1\0")]),
            ValueKind.Boolean => [new("bool-garbage", "ja"), new("nul", "true\0")],
            ValueKind.Enum => [new("enum-unknown", "NotAValue"), new("enum-number", "999"), new("enum-nul", "a\0"), new("enum-huge", Huge)],
            _ => StringTexts.Concat(foreign is null ? [] : [new BadValue("other-municipality-id", foreign)]),
        };
        return values;
    }
}
