namespace Meldroute.Web.Features.Shared;

/// <summary>A select list for the _Select partial: field name, label, current value, options, error, an optional empty choice.</summary>
public sealed record SelectField(string Name, string Label, string? Value, IEnumerable<(string Value, string Text)> Options, string? Error, string? EmptyText)
{
    public string Id => Name.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}

/// <summary>A multi-line text field for the _TextArea partial.</summary>
public sealed record TextAreaField(string Name, string Label, string? Description, string? Value, string? Error, int Rows = 5)
{
    public string Id => Name.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
