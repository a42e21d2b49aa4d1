namespace Ferry.Sources.Tally.Live;

/// <summary>A company loaded in a running Tally; <see cref="BooksFrom"/> is the first date its books hold.</summary>
public sealed record TallyOpenCompany(string Name, DateOnly? BooksFrom, string? Guid);
