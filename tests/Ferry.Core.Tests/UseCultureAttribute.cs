using System.Globalization;
using System.Reflection;
using Xunit.v3;

namespace Ferry.Testing;

/// <summary>
/// Runs a test under the given culture (e.g. "de-DE", where the decimal separator is a comma) so that parsing which
/// silently depends on the machine's culture fails the test instead of a customer's import.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class UseCultureAttribute(string culture) : BeforeAfterTestAttribute
{
    CultureInfo? _originalCulture;
    CultureInfo? _originalUICulture;

    public string Culture { get; } = culture;

    public override void Before(MethodInfo methodUnderTest, IXunitTest test)
    {
        _originalCulture = CultureInfo.CurrentCulture;
        _originalUICulture = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.GetCultureInfo(Culture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        CultureInfo.CurrentCulture = _originalCulture!;
        CultureInfo.CurrentUICulture = _originalUICulture!;
    }
}
