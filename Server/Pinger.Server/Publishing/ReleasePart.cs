namespace Pinger.Server.Publishing;

/// <summary>One noisy release of a window: its share of the window's ε, the noise scale and the withholding threshold.</summary>
/// <param name="Name">A field ("probe.field"), <see cref="PrivacyBudget.ReportsPart"/> or <see cref="PrivacyBudget.SystemsPart"/>.</param>
/// <param name="Epsilon">Its share of the window's ε.</param>
/// <param name="Sensitivity">How much one machine can change the histogram in L1: a field's most items, 1 otherwise.</param>
/// <param name="Scale">The discrete Laplace scale, sensitivity/ε.</param>
/// <param name="Threshold">Noisy counts below it are withheld.</param>
public sealed record ReleasePart(string Name, Rational Epsilon, int Sensitivity, Rational Scale, long Threshold);
