namespace Omvarld.Web.Features.Countries;

/// <summary>
/// The attribution the licences of the shipped files require, word for word from <c>SeedData/Reference/README.md</c>
/// (V-Dem: CC BY-SA 4.0; World Bank WGI: CC BY 4.0). Stored with each release and shown wherever its data is shown;
/// paragraphs are separated by a blank line.
/// </summary>
public static class CountryDataAttribution
{
    public const string Governance =
        "Source: V-Dem v14 (Coppedge et al. 2024, V-Dem Institute, University of Gothenburg, doi:10.23696/mcwt-fr58), " +
        "licensed CC BY-SA 4.0. Regime classification: Lührmann, Tannenberg & Lindberg (2018), \"Regimes of the World (RoW)\", " +
        "Politics and Governance 6(1). Subset, reshaped and merged with WGI by the Omvärld project.\n\n" +
        "Source: Worldwide Governance Indicators, 2024 update (www.govindicators.org), World Bank, CC BY 4.0. " +
        "Kaufmann, D., A. Kraay and M. Mastruzzi (2010), \"The Worldwide Governance Indicators: Methodology and Analytical " +
        "Issues\", World Bank Policy Research Working Paper 5430. The WGI do not reflect the official views of the World " +
        "Bank, its Executive Directors, or the countries they represent.";

    // README §3: the V-Dem attribution above, naming V-Dem v15 / 2025 and ERT v15 (Edgell et al. 2025).
    public const string Regime =
        "Source: V-Dem v15 (Coppedge et al. 2025, V-Dem Institute, University of Gothenburg), via the Episodes of Regime " +
        "Transformation (ERT) dataset v15 (Edgell, Maerz, Maxwell, Morgan, Medzihorsky, Wilson, Boese, Hellmeier, Lachapelle, " +
        "Lindenfors, Lührmann & Lindberg 2025, V-Dem Project), licensed CC BY-SA 4.0. Regime classification: Lührmann, " +
        "Tannenberg & Lindberg (2018), \"Regimes of the World (RoW)\", Politics and Governance 6(1). Subset by the Omvärld project.";
}
