using Pinger.Plugins.Sdk;

namespace Pinger.Core.Reporting;

/// <summary>A field withheld from reports because it appeared at the machine's level less than a week ago.</summary>
/// <param name="ProbeId">The probe that declares it.</param>
/// <param name="Field">Its declaration, whose description says what it is for.</param>
/// <param name="SendableFrom">When it starts being sent.</param>
public sealed record WaitingField(string ProbeId, FieldDeclaration Field, DateTimeOffset SendableFrom)
{
    /// <summary>The field as reports and the state name it: <c>probe.field</c>.</summary>
    public string Key => NewFieldGate.KeyOf(ProbeId, Field.Name);
}
