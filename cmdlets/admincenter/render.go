package admincenter

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static/admin.css static/search.js
var staticFiles embed.FS

// pages are the parsed templates, one set per page (the layout plus the
// page's own).
type pages struct {
	byName map[string]*template.Template
}

// loadPages parses every page with the layout.
func loadPages() *pages {
	funcs := template.FuncMap{
		"when": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.UTC().Format("2006-01-02 15:04:05") + " UTC"
		},
		"number": displayNumber,
	}
	names, err := templateFiles.ReadDir("templates")
	if err != nil {
		panic(err)
	}
	p := &pages{byName: map[string]*template.Template{}}
	for _, e := range names {
		name := e.Name()
		if name == "layout.html" {
			continue
		}
		t := template.Must(template.New(name).Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", "templates/"+name))
		p.byName[strings.TrimSuffix(name, ".html")] = t
	}
	return p
}

// view is what every page template gets.
type view struct {
	Title   string
	Nav     string // the left navigation entry to highlight
	Account string // the signed-in admin, "" on the sign-in page
	CSRF    string
	Flash   string
	Error   string
	Data    any
}

// render writes page with status; the page is rendered to a buffer first
// so a template error shows the generic error page, never half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, v *view) {
	t := s.pages.byName[page]
	var buf bytes.Buffer
	if t == nil {
		panic("admincenter: no page " + page)
	}
	if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
		panic(fmt.Sprintf("rendering %s: %v", page, err))
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// adminView starts the view of a signed-in page.
func (s *Server) adminView(ss *session, title, nav string, data any) *view {
	return &view{Title: title, Nav: nav, Account: ss.account, CSRF: ss.csrf, Flash: s.sessions.takeFlash(ss), Data: data}
}

// fail shows the error page (no detail of the cause).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, title, msg string) {
	v := &view{Title: title, Error: msg}
	if ss := s.sessions.get(r); ss != nil && ss.account != "" {
		v.Account, v.CSRF = ss.account, ss.csrf
	}
	s.render(w, r, status, "error", v)
}

// serveStatic serves the stylesheet and the search script by exact name:
// no directory is ever listed.
func serveStatic(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	data, err := staticFiles.ReadFile("static/" + path.Base(name))
	if err != nil || path.Base(name) != name {
		http.NotFound(w, r)
		return
	}
	switch path.Ext(name) {
	case ".css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
	case ".js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(data)
}

// displayNumber shows a stored service number as +digits ("" stays "").
func displayNumber(n string) string {
	if n == "" {
		return ""
	}
	return "+" + n
}
