namespace Omvarld.Web.Tests.Infrastructure;

/// <summary>
/// A short made-up policy in the words municipalities use (goals as a list, the partner precondition, action plans): the
/// reader's web tests and the review page's browser test read the same text.
/// </summary>
internal static class SamplePolicyText
{
    public const string Policy = """
        Internationell policy

        Fastställd av: Kommunfullmäktige
        Fastställd: 12 maj 2018
        För revidering ansvarar: Kommunstyrelsen
        Gäller för: Kommunens nämnder och bolag

        Internationella aktiviteter skall bidra till minst ett av följande mål:

        - Kompetensutveckling för medarbetare
        - Hållbar utveckling i kommunen och i partnerorten
        - Fler kontakter för det lokala näringslivet

        En förutsättning för samarbete är att partnerlandet respekterar de mänskliga rättigheterna, demokratin och rättsstatens principer. Undantag beslutas av Kommunstyrelsen.

        Nämnder och bolag skall varje år upprätta en handlingsplan för sitt internationella arbete.
        """;
}
