namespace Meldroute.Web.Features.Shared;

/// <summary>A select list for the _Select partial: field name, label, current value, options, error, an optional empty choice.</summary>
public sealed record SelectField(string Name, string Label, string? Value, IEnumerable<(string Value, string Text)> Options, string? Error, string? EmptyText)
{
    /// <summary>The element's id: from the name, or set when one page shows the same field in several forms.</summary>
    public string Id { get; init; } = FormFields.IdFor(Name);
}

/// <summary>A multi-line text field for the _TextArea partial.</summary>
public sealed record TextAreaField(string Name, string Label, string? Description, string? Value, string? Error, int Rows = 5)
{
    /// <summary>The element's id: from the name, or set when one page shows the same field in several forms.</summary>
    public string Id { get; init; } = FormFields.IdFor(Name);
}

/// <summary>A date field for the _DateField partial, for forms that repeat on one page (the mr-field tag helper derives its id from the model).</summary>
public sealed record DateField(string Name, string Label, DateOnly? Value, string? Error)
{
    public string Id { get; init; } = FormFields.IdFor(Name);
}

public static class FormFields
{
    public static string IdFor(string name) => name.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
