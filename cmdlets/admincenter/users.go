package admincenter

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/storage"
)

// The Users list's sizes.
const (
	// pageSize is the rows of one page.
	pageSize = 50
	// searchLimit is the most matches a search gathers (by index, so its
	// cost follows this, not the tenant's size); they are then sorted
	// and paged in memory.
	searchLimit = 500
	// maxQuery caps the search text.
	maxQuery = 200
)

// The sort keys of search results.
var sortKeys = map[string]func(a, b *userRow) int{
	"name": func(a, b *userRow) int {
		return cmp.Compare(strings.ToLower(a.DisplayName), strings.ToLower(b.DisplayName))
	},
	"upn":    func(a, b *userRow) int { return cmp.Compare(strings.ToLower(a.UPN), strings.ToLower(b.UPN)) },
	"bridge": func(a, b *userRow) int { return cmp.Compare(a.Bridge, b.Bridge) },
	"cid":    func(a, b *userRow) int { return cmp.Compare(a.ConferenceID, b.ConferenceID) },
}

// fullListSorts are the sort keys of the whole list: the ones the store
// has an index for (a search's matches sort by any key).
var fullListSorts = map[string]bool{"name": true, "upn": true}

// sortLabels name the sort keys on the page.
var sortLabels = map[string]string{"name": "by display name", "upn": "by user principal name", "bridge": "by bridge", "cid": "by conference ID"}

// userRow is one line of the list.
type userRow struct {
	ID, DisplayName, UPN, Provider, Bridge, TollNumber, ConferenceID string
	Selected                                                         bool
}

// usersData is the Users page's.
type usersData struct {
	Query, Sort, Dir string
	// SortedBy says the order shown ("by display name, descending").
	SortedBy  string
	Rows      []userRow
	Matches   int  // matches of the search (searchLimit at most)
	Capped    bool // the search stopped at searchLimit
	Searching bool
	// Paging: the full list pages by UPN (After), a search by offset.
	First, Next, Prev string // links, "" when none
	From, To          int
	Pane              *userPane
	SortLinks         map[string]string
	// Filter is the filter chosen; Filters are the choices; Partial
	// says a filtered page stopped at maxScan users read.
	Filter  string
	Filters []filterChoice
	Partial bool
}

// filterChoice is one filter in the list's menu.
type filterChoice struct {
	Key, Label string
	Selected   bool
}

// listQuery is the Users page's query string.
type listQuery struct {
	q, sort, dir, after, user, filter string
	page                              int
}

func readListQuery(r *http.Request) listQuery {
	v := r.URL.Query()
	q := listQuery{q: strings.TrimSpace(v.Get("q")), sort: v.Get("sort"), dir: v.Get("dir"), after: v.Get("after"), user: v.Get("user")}
	if len(q.q) > maxQuery {
		q.q = q.q[:maxQuery]
	}
	_, q.filter = filterOf(v.Get("filter"))
	if _, ok := sortKeys[q.sort]; !ok || (q.q == "" && !fullListSorts[q.sort]) {
		q.sort = "upn"
	}
	if q.dir != "desc" {
		q.dir = "asc"
	}
	q.page, _ = strconv.Atoi(v.Get("page"))
	if q.page < 0 {
		q.page = 0
	}
	return q
}

// link is the Users URL for the query with changes.
func (q listQuery) link(change func(v url.Values)) string {
	v := url.Values{}
	set := func(k, x string) {
		if x != "" {
			v.Set(k, x)
		}
	}
	set("q", q.q)
	if q.sort != "upn" {
		set("sort", q.sort)
	}
	if q.dir != "asc" {
		set("dir", q.dir)
	}
	set("filter", q.filter)
	set("after", q.after)
	if q.page > 0 {
		v.Set("page", strconv.Itoa(q.page))
	}
	set("user", q.user)
	if change != nil {
		change(v)
	}
	if len(v) == 0 {
		return "/users"
	}
	return "/users?" + v.Encode()
}

// usersPage is Audio conferencing > Users: the list (searched, sorted,
// paged) and, with ?user=, the selected user's pane. Its cost follows the
// page, not the tenant: no count of every user (a full index scan, 0.15 s
// on 100 000 users) is made.
func (s *Server) usersPage(w http.ResponseWriter, r *http.Request, ss *session) {
	q := readListQuery(r)
	d := &usersData{Query: q.q, Sort: q.sort, Dir: q.dir, Searching: q.q != "", Filter: q.filter}
	for _, f := range userFilters {
		d.Filters = append(d.Filters, filterChoice{Key: f.Key, Label: f.Label, Selected: f.Key == q.filter})
	}
	err := s.read(func(rd storage.Reader) error {
		uc, err := teams.LoadUserContext(rd)
		if err != nil {
			return err
		}
		if d.Searching {
			err = searchPage(rd, uc, q, d)
		} else {
			err = scanPage(rd, uc, q, d)
		}
		if err != nil {
			return err
		}
		if q.user != "" {
			d.Pane, err = loadPane(rd, uc, q.user)
		}
		return err
	})
	if err != nil {
		s.internal(w, r, err)
		return
	}
	for i := range d.Rows {
		d.Rows[i].Selected = d.Pane != nil && d.Rows[i].ID == d.Pane.ID
	}
	d.SortLinks = map[string]string{}
	for k := range sortKeys {
		dir := "asc"
		if k == q.sort && q.dir == "asc" {
			dir = "desc"
		}
		d.SortLinks[k] = q.link(func(v url.Values) {
			v.Set("sort", k)
			v.Set("dir", dir)
			v.Del("page")
			v.Del("after")
			v.Del("user")
		})
	}
	d.SortedBy = sortLabels[q.sort]
	if q.dir == "desc" {
		d.SortedBy += ", descending"
	}
	if q.user != "" && d.Pane == nil {
		d.Pane = &userPane{Missing: true}
	}
	s.render(w, r, http.StatusOK, "users", s.adminView(ss, "Users", "users", d))
}

// scanPage is one page of the whole list, by display name or UPN (the
// store's indexes), either way, after the cursor after: its cost is the
// page's, whatever the tenant's size.
func scanPage(r storage.Reader, uc *teams.UserContext, q listQuery, d *usersData) error {
	keep, _ := filterOf(q.filter)
	users, next, err := scanUsers(r, q.sort == "name", q.dir == "desc", q.after, pageSize, keep)
	if err != nil {
		return err
	}
	if next != "" {
		d.Next = q.link(func(v url.Values) { v.Set("after", next); v.Del("user") })
		d.Partial = len(users) < pageSize
	}
	if q.after != "" {
		d.First = q.link(func(v url.Values) { v.Del("after"); v.Del("user") })
	}
	for _, u := range users {
		d.Rows = append(d.Rows, rowOf(uc, u))
	}
	d.From, d.To = 1, len(d.Rows)
	return nil
}

// searchPage is one page of the users one of whose UPN, SIP address or
// name words starts with the query's first word (the store's search
// index) and whose words start with each of the others.
func searchPage(r storage.Reader, uc *teams.UserContext, q listQuery, d *usersData) error {
	words := strings.Fields(strings.ToLower(q.q))
	first := strings.TrimPrefix(words[0], "sip:")
	if first == "" {
		return nil
	}
	users, err := r.SearchUsers(first, searchLimit)
	if err != nil {
		return err
	}
	d.Capped = len(users) >= searchLimit
	var rows []userRow
	keep, _ := filterOf(q.filter)
	for _, u := range users {
		if matchesAll(u, words[1:]) && (keep == nil || keep(u)) {
			rows = append(rows, rowOf(uc, u))
		}
	}
	by := sortKeys[q.sort]
	slices.SortStableFunc(rows, func(a, b userRow) int {
		c := by(&a, &b)
		if c == 0 {
			c = cmp.Compare(strings.ToLower(a.UPN), strings.ToLower(b.UPN))
		}
		if q.dir == "desc" {
			return -c
		}
		return c
	})
	d.Matches = len(rows)
	start := min(q.page*pageSize, len(rows))
	end := min(start+pageSize, len(rows))
	d.Rows = rows[start:end]
	d.From, d.To = start+1, end
	if end < len(rows) {
		d.Next = q.link(func(v url.Values) { v.Set("page", strconv.Itoa(q.page+1)); v.Del("user") })
	}
	if q.page > 0 {
		d.Prev = q.link(func(v url.Values) { v.Set("page", strconv.Itoa(q.page-1)); v.Del("user") })
	}
	return nil
}

// matchesAll reports whether every word starts one of the user's words
// (UPN, SIP address, display name).
func matchesAll(u *storage.User, words []string) bool {
	hay := strings.Fields(strings.ToLower(u.DisplayName))
	hay = append(hay, strings.ToLower(u.UserPrincipalName), strings.TrimPrefix(strings.ToLower(u.SipAddress), "sip:"))
	for _, w := range words {
		if !slices.ContainsFunc(hay, func(h string) bool { return strings.HasPrefix(h, w) }) {
			return false
		}
	}
	return true
}

// rowOf is a user's line in the list.
func rowOf(uc *teams.UserContext, u *storage.User) userRow {
	row := userRow{ID: u.ID, DisplayName: u.DisplayName, UPN: u.UserPrincipalName, Provider: providerText(u)}
	if c := u.Conferencing; c != nil && teams.EnabledWithMicrosoft(u) {
		row.Bridge = uc.BridgeName(c.BridgeID)
		row.TollNumber = displayNumber(c.ServiceNumber)
		row.ConferenceID = c.ConferenceID
	}
	return row
}

// providerText is the list's Provider column.
func providerText(u *storage.User) string {
	switch {
	case teams.EnabledWithMicrosoft(u):
		return "Microsoft"
	case teams.IsThirdParty(u):
		return u.Provider
	case !u.AudioConferencingLicense:
		return "None (no licence)"
	}
	return "None"
}

// read runs fn on a view of the tenant that shows only durable changes:
// the shell may have committed a change it has not synced yet (it syncs
// before showing anything), so the admin center syncs first too.
func (s *Server) read(fn func(r storage.Reader) error) error {
	st := s.tenant.Store()
	if err := st.Sync(); err != nil {
		return err
	}
	return st.View(fn)
}
