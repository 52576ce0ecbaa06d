package lab

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Report is an attempt's completion report: a summary, the time taken,
// hints used and the result of every step, in one language.
type Report struct {
	Lab          string    `json:"lab"`
	Version      int       `json:"version"`
	Title        string    `json:"title"`
	Lang         string    `json:"lang"`
	StartedAt    time.Time `json:"startedAt"`
	CompletedAt  time.Time `json:"completedAt,omitzero"`
	Completed    bool      `json:"completed"`
	Seconds      int64     `json:"seconds"`
	Score        int       `json:"score"`
	Points       int       `json:"points"`
	MaxPoints    int       `json:"maxPoints"`
	PassingScore int       `json:"passingScore"`
	Passed       bool      `json:"passed"`
	HintsUsed    int       `json:"hintsUsed"`
	// WorldReplaced lists when the world was replaced during the attempt
	// (the report says so: work from elsewhere may have been loaded).
	WorldReplaced []Replacement `json:"worldReplaced,omitempty"`
	Steps         []StepReport  `json:"steps"`
	ReportedAt    time.Time     `json:"reportedAt"`
}

// StepReport is one step's result.
type StepReport struct {
	ID     string        `json:"id"`
	Title  string        `json:"title"`
	Done   bool          `json:"done"`
	DoneAt time.Time     `json:"doneAt,omitzero"`
	Hints  int           `json:"hints"`
	Checks []CheckReport `json:"checks,omitempty"`
	Quiz   *QuizReport   `json:"quiz,omitempty"`
}

// CheckReport is one check's description and whether it passed.
type CheckReport struct {
	Kind        Kind   `json:"kind"`
	Description string `json:"description"`
	Passed      bool   `json:"passed"`
}

// QuizReport is a quiz step's question and the answers given, in order.
type QuizReport struct {
	Question   string   `json:"question"`
	Answers    []string `json:"answers"`
	FirstRight bool     `json:"firstRight"`
}

// Report builds the attempt's report in lang ("ko" or "en") at now.
func (a Attempt) Report(l *Lab, lang string, now time.Time) Report {
	if lang != "en" {
		lang = "ko"
	}
	sc := a.Score(l)
	r := Report{
		Lab: l.ID, Version: l.Version, Title: l.Title.In(lang), Lang: lang,
		StartedAt: a.StartedAt, CompletedAt: a.CompletedAt, Completed: sc.Completed,
		Seconds: int64(a.Elapsed(now) / time.Second), Score: sc.Percent, Points: sc.Points,
		MaxPoints: sc.Max, PassingScore: l.PassingScore, Passed: sc.Passed, HintsUsed: sc.HintsUsed,
		WorldReplaced: a.Replaced, ReportedAt: now.UTC(),
	}
	for i := range l.Steps {
		s := &l.Steps[i]
		var st StepState
		if i < len(a.Steps) {
			st = a.Steps[i]
		}
		sr := StepReport{ID: s.ID, Title: s.Title.In(lang), Done: st.Done, DoneAt: st.DoneAt, Hints: st.Hints}
		if q := s.Quiz(); q != nil {
			qr := &QuizReport{Question: q.Question.In(lang).Plain(), Answers: []string{}}
			for _, ans := range st.Answers {
				if ch := q.Choice(ans); ch != nil {
					qr.Answers = append(qr.Answers, ch.Text.In(lang).Plain())
				}
			}
			qr.FirstRight = len(st.Answers) > 0 && st.Answers[0] == q.Answer
			sr.Quiz = qr
		} else {
			for j := range s.Checks {
				sr.Checks = append(sr.Checks, CheckReport{Kind: s.Checks[j].Kind,
					Description: s.Checks[j].Describe(lang), Passed: j < len(st.Checks) && st.Checks[j]})
			}
		}
		r.Steps = append(r.Steps, sr)
	}
	return r
}

// JSON encodes the report, indented.
func (r Report) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode lab report: %w", err)
	}
	return b, nil
}

// word returns one of the report's fixed words in lang.
func word(key, lang string) string {
	var ko, en string
	switch key {
	case "report":
		ko, en = "실습 보고서", "Lab report"
	case "lab":
		ko, en = "실습", "Lab"
	case "started":
		ko, en = "시작", "Started"
	case "completed":
		ko, en = "완료", "Completed"
	case "notDone":
		ko, en = "아직 완료하지 않음", "Not completed yet"
	case "time":
		ko, en = "걸린 시간", "Time taken"
	case "score":
		ko, en = "점수", "Score"
	case "passing":
		ko, en = "통과 점수", "Passing score"
	case "passed":
		ko, en = "통과", "Passed"
	case "failed":
		ko, en = "통과하지 못함", "Not passed"
	case "hints":
		ko, en = "사용한 힌트", "Hints used"
	case "steps":
		ko, en = "단계", "Steps"
	case "step":
		ko, en = "단계", "Step"
	case "result":
		ko, en = "결과", "Result"
	case "done":
		ko, en = "완료", "Done"
	case "open":
		ko, en = "미완료", "Not done"
	case "answers":
		ko, en = "고른 답", "Answers given"
	case "firstOK":
		ko, en = "첫 답이 정답", "Right the first time"
	case "firstNo":
		ko, en = "첫 답이 오답", "Wrong the first time"
	case "replaced":
		ko, en = "이 시도 중에 월드가 바뀌었습니다", "The world was replaced during this attempt"
	case ReasonLoad:
		ko, en = "월드 불러오기", "load world"
	case ReasonImport:
		ko, en = "가져오기", "import"
	case ReasonRestore:
		ko, en = "복원", "restore"
	case "reported":
		ko, en = "보고서 작성", "Report made"
	default:
		return key
	}
	if lang == "en" {
		return en
	}
	return ko
}

// Duration formats seconds as the report shows a time taken.
func Duration(seconds int64, lang string) string {
	h, m, s := seconds/3600, seconds/60%60, seconds%60
	var b strings.Builder
	unit := func(n int64, ko, en string) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.FormatInt(n, 10))
		if lang == "en" {
			b.WriteByte(' ')
			b.WriteString(en)
		} else {
			b.WriteString(ko)
		}
	}
	if h > 0 {
		unit(h, "시간", "h")
	}
	if h > 0 || m > 0 {
		unit(m, "분", "min")
	}
	unit(s, "초", "s")
	return b.String()
}

const reportTime = "2006-01-02 15:04:05 UTC"

// HTML renders the report as a printable HTML document. Every piece of
// text is escaped as it is written, so nothing in a lab file or a
// student's answers becomes markup.
func (r Report) HTML() string {
	var b strings.Builder
	lang := r.Lang
	text := func(s string) { escapeHTML(&b, s) }
	raw := b.WriteString
	row := func(label, value string) {
		raw("<tr><th scope=\"row\">")
		text(label)
		raw("</th><td>")
		text(value)
		raw("</td></tr>\n")
	}
	raw("<!doctype html>\n<html lang=\"")
	text(lang)
	raw("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
	text(word("report", lang) + ": " + r.Title)
	raw("</title>\n<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#16191f}" +
		"table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #aab7b8;padding:.35rem .5rem;text-align:left;vertical-align:top}" +
		".ok{color:#037f0c}.no{color:#d91515}.note{border-left:4px solid #8d6605;padding:.5rem 1rem;background:#fffce6}" +
		"ul{margin:0;padding-left:1.2rem}@media print{body{margin:0}}</style>\n</head>\n<body>\n<h1>")
	text(word("report", lang))
	raw("</h1>\n<table>\n")
	row(word("lab", lang), r.Title+" ("+r.Lab+", v"+strconv.Itoa(r.Version)+")")
	row(word("started", lang), r.StartedAt.UTC().Format(reportTime))
	if r.Completed {
		row(word("completed", lang), r.CompletedAt.UTC().Format(reportTime))
	} else {
		row(word("completed", lang), word("notDone", lang))
	}
	row(word("time", lang), Duration(r.Seconds, lang))
	row(word("score", lang), strconv.Itoa(r.Score)+" / 100 ("+strconv.Itoa(r.Points)+"/"+strconv.Itoa(r.MaxPoints)+")")
	row(word("passing", lang), strconv.Itoa(r.PassingScore))
	if r.Passed {
		row(word("result", lang), word("passed", lang))
	} else {
		row(word("result", lang), word("failed", lang))
	}
	row(word("hints", lang), strconv.Itoa(r.HintsUsed))
	row(word("reported", lang), r.ReportedAt.UTC().Format(reportTime))
	raw("</table>\n")
	if len(r.WorldReplaced) > 0 {
		raw("<div class=\"note\" role=\"note\"><p>")
		text(word("replaced", lang))
		raw(":</p><ul>")
		for _, rep := range r.WorldReplaced {
			raw("<li>")
			reason := rep.Reason
			switch reason {
			case ReasonLoad, ReasonImport, ReasonRestore:
				reason = word(reason, lang)
			}
			text(rep.At.UTC().Format(reportTime) + ": " + reason)
			raw("</li>")
		}
		raw("</ul></div>\n")
	}
	raw("<h2>")
	text(word("steps", lang))
	raw("</h2>\n<table>\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\">")
	text(word("step", lang))
	raw("</th><th scope=\"col\">")
	text(word("result", lang))
	raw("</th><th scope=\"col\">")
	text(word("hints", lang))
	raw("</th></tr></thead>\n<tbody>\n")
	for i, s := range r.Steps {
		raw("<tr><td>")
		raw(strconv.Itoa(i + 1))
		raw("</td><td><strong>")
		text(s.Title)
		raw("</strong>")
		if s.Quiz != nil {
			raw("<p>")
			text(s.Quiz.Question)
			raw("</p>")
			if len(s.Quiz.Answers) > 0 {
				raw("<p>")
				text(word("answers", lang) + ":")
				raw("</p><ol>")
				for _, ans := range s.Quiz.Answers {
					raw("<li>")
					text(ans)
					raw("</li>")
				}
				raw("</ol>")
			}
		} else if len(s.Checks) > 0 {
			raw("<ul>")
			for _, c := range s.Checks {
				if c.Passed {
					raw("<li class=\"ok\">✔ ")
				} else {
					raw("<li class=\"no\">✘ ")
				}
				text(c.Description)
				raw("</li>")
			}
			raw("</ul>")
		}
		raw("</td><td>")
		switch {
		case s.Quiz != nil && len(s.Quiz.Answers) > 0 && s.Quiz.FirstRight:
			raw("<span class=\"ok\">")
			text(word("firstOK", lang))
			raw("</span>")
		case s.Quiz != nil && len(s.Quiz.Answers) > 0:
			raw("<span class=\"no\">")
			text(word("firstNo", lang))
			raw("</span>")
		case s.Done:
			raw("<span class=\"ok\">")
			text(word("done", lang))
			raw("</span>")
		default:
			raw("<span class=\"no\">")
			text(word("open", lang))
			raw("</span>")
		}
		if s.Done && !s.DoneAt.IsZero() {
			raw("<br>")
			text(s.DoneAt.UTC().Format(reportTime))
		}
		raw("</td><td>")
		raw(strconv.Itoa(s.Hints))
		raw("</td></tr>\n")
	}
	raw("</tbody>\n</table>\n</body>\n</html>\n")
	return b.String()
}
