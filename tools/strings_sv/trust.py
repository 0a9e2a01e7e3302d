# Trust first (issue 14): the installation's audit log, the database being unavailable
S = {
"Audit_InstallationIntro": "Ändringar som gäller hela installationen och ingen enskild kommun, senaste först: landdata och konton som inte hör till någon kommun. Kommunernas egna ändringar visas bara för respektive kommun. Loggen kan inte ändras.",
"Entity_CountryDataRelease": "landdataversion",
"Error_503_Title": "Tjänsten är tillfälligt otillgänglig",
"Error_503_Text": "Omvärld når inte sin databas just nu. Ingenting av det du gjorde har sparats till hälften. Vänta en stund och försök igen.",
}
