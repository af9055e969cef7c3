package app

import (
	"fmt"
	"strings"

	"github.com/briefsmith/briefsmith/briefing"
)

// languageChoices are the languages offered for a section or a passage,
// the ones a bilingual handout or a quotation most often needs, each as
// "Name (code)"; any other is typed as its code.
var languageChoices = []string{
	"French (fr)", "Spanish (es)", "German (de)", "Italian (it)", "Portuguese (pt)", "Dutch (nl)",
	"Polish (pl)", "Ukrainian (uk)", "Russian (ru)", "Arabic (ar)", "Chinese (zh)", "Japanese (ja)",
	"Korean (ko)", "Vietnamese (vi)", "Tagalog (tl)", "Haitian Creole (ht)", "Hindi (hi)", "Latin (la)",
	"English (en)",
}

// languageCode is the code of a choice ("French (fr)" is fr), or the text
// itself when it is not one of the choices (a code typed in).
func languageCode(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndex(s, "("); i >= 0 && strings.HasSuffix(s, ")") {
		return s[i+1 : len(s)-1]
	}
	return s
}

// onPassageLanguage marks the selection as written in another language,
// so the PDF and the Word file tell a screen reader to read it in that
// language's voice.
func (s *sectionPanel) onPassageLanguage() {
	if !s.editable() {
		return
	}
	sel := s.selectedText()
	s.w.ui.askForm("Language of passage", []formField{
		{label: "Language", choices: languageChoices, value: languageChoices[0]},
		{label: "Or its code", hint: "A language code such as pt-BR, instead of the choice above"},
	}, func(v []string) {
		if v == nil {
			return
		}
		code := languageCode(v[0])
		if strings.TrimSpace(v[1]) != "" {
			code = strings.TrimSpace(v[1])
		}
		tag, err := briefing.ParseLanguage(code)
		if err != nil {
			s.w.ui.showError(fmt.Errorf("language of the passage: %v; choose one from the list or type a code such as %s", err, briefing.LanguageExamples))
			return
		}
		text := sel
		if strings.TrimSpace(text) == "" {
			text = "text in " + strings.TrimSpace(strings.Split(v[0], "(")[0])
		}
		s.replaceSelection("[" + text + "]{lang=" + tag + "}")
	})
}
