namespace Pinger.Plugins.Sdk.Tests;

/// <summary>A setting's declaration carries what the config check enforces: a range, URL schemes or fixed values.</summary>
[TestClass]
public sealed class SettingDeclarationTests
{
    [TestMethod]
    public void A_ranged_integer_keeps_its_bounds_and_default()
    {
        var setting = SettingDeclaration.Integer("timeout_ms", 1500, "How long.", 100, 4000);

        Assert.AreEqual(FieldType.Integer, setting.Type);
        Assert.AreEqual(1500, setting.DefaultValue.Integer);
        Assert.AreEqual(100L, setting.Minimum);
        Assert.AreEqual(4000L, setting.Maximum);
        Assert.IsNull(setting.UrlSchemes);
    }

    [TestMethod]
    public void A_url_and_a_choice_are_text_settings_with_their_constraint()
    {
        var url = SettingDeclaration.Url("endpoint", "http://169.254.169.254", "Where.", "http", "https");
        var choice = SettingDeclaration.OneOf("mode", "fast", "How.", "fast", "thorough");

        Assert.AreEqual(FieldType.Text, url.Type);
        CollectionAssert.AreEqual(new[] { "http", "https" }, url.UrlSchemes!.ToArray());
        Assert.AreEqual(FieldType.Text, choice.Type);
        CollectionAssert.AreEqual(new[] { "fast", "thorough" }, choice.AllowedValues!.ToArray());
        Assert.IsNull(choice.Minimum);
    }

    [TestMethod]
    public void The_plain_factories_set_no_constraint()
    {
        var setting = SettingDeclaration.Integer("count", 1, "How many.");

        Assert.IsNull(setting.Minimum);
        Assert.IsNull(setting.Maximum);
        Assert.IsNull(setting.AllowedValues);
    }
}
