namespace Ferry.Sources.Tally;

/// <summary>One child of a TALLYMESSAGE: a master, a voucher, the company footer, or a type this reader does not know.</summary>
public abstract record TallyObject;

/// <summary>An object of a type this reader does not read (COSTCENTRE, CURRENCY, TDSRATE, …); counted, not failed.</summary>
public sealed record TallyUnknownObject(string Tag) : TallyObject;

/// <summary>The optional COMPANY/REMOTECMPINFO.LIST footer.</summary>
public sealed record TallyCompanyInfo(string? Name, string? State) : TallyObject;
