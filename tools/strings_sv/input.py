# Issue 14, "Trust first": bad input refused at the boundary, whatever route it came by.
S = {
"Input_ControlCharacter": "Texten innehåller otillåtna tecken (styrtecken, till exempel ett nolltecken). Ta bort dem och försök igen.",
"Input_ControlCharacterIn": "Fältet {0} innehåller otillåtna tecken (styrtecken, till exempel ett nolltecken). Ta bort dem och försök igen.",
"Input_NullElement": "Listan innehåller ett tomt värde (null) på plats {0}. Ta bort det och försök igen.",
"Input_YearInvalid": "Året {0} går inte att använda: ett år ska vara mellan {1} och {2}.",
"Input_TooLargeTitle": "Begäran är för stor",
"Input_TooLarge": "Filen eller formuläret är för stort. Det största som tas emot är {0}.",
"Input_BadRequest": "Begäran kunde inte läsas. Kontrollera det du skickade och försök igen.",
"Input_Conflict": "Någon annan sparade samtidigt. Läs in uppgifterna på nytt och försök igen.",
"User_CreateConflict": "En användare med den e-postadressen skapades samtidigt av någon annan.",
"User_ResetConflict": "Lösenordet återställdes samtidigt av någon annan. Försök igen om det behövs.",
"Files_ArchiveTooLarge": "Filen kan inte tas emot: som Word- eller Excel-fil packas den upp till mer än {0}, eller har för många delar ({1}). Spara om filen och försök igen.",
}
