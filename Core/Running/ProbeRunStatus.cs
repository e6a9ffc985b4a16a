namespace Pinger.Core.Running;

/// <summary>How one probe's run ended, as the host sees it.</summary>
public enum ProbeRunStatus
{
    /// <summary>Values collected (some may have been dropped; see the problems).</summary>
    Collected,

    /// <summary>
    /// The probe emitted something it must not (an undeclared field, a field above the level, a value outside
    /// its declaration): nothing it emitted is reported, since a probe that breaks one rule cannot be trusted with the rest.
    /// </summary>
    Rejected,

    /// <summary>The probe said its subject does not exist here. Not a problem.</summary>
    NotApplicable,

    /// <summary>The probe reported a failure.</summary>
    Failed,

    /// <summary>The probe threw.</summary>
    Crashed,

    /// <summary>The probe did not finish within its time budget.</summary>
    TimedOut,
}
