package transform

import (
	"regexp"
	"strings"
	"sync"
)

// zoneName is what a time zone's name looks like (Asia/Taipei, UTC,
// America/Argentina/Buenos_Aires, Etc/GMT+8): anything else is not used.
var zoneName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9_+-]+(?:/[A-Za-z0-9_+-]+)*$`) })

// wholeVar is a word that is one variable: $TZ or ${TZ}.
var wholeVar = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})$`)
})

// planLocalTime keeps the local time zone a RUN set in the builder
// (review 5, finding B): with no TZ, the program reads the system's
// /etc/localtime, which the runtime does not get from the builder (a
// COPY onto a runtime's own /etc/localtime link would write through it
// into the runtime's zone file). So the runtime gets ENV TZ with the zone,
// which the program reads first, when the runtime can resolve the name:
// the interpreter carries zone data, or the runtime has or installs a
// package that holds it. Otherwise a warning says the zone is lost.
func (p *plan) planLocalTime() {
	f := p.f
	lt := f.preset.LocalTime
	if lt == nil {
		return
	}
	for _, e := range f.env {
		if e.key == lt.Env {
			return // the file names the zone itself, and the runtime keeps it
		}
	}
	zone, line, text, at := "", 0, "", 0
	for _, r := range f.runs {
		if z, k, ok := lt.ZoneSetAt(r.text); ok {
			zone, line, text, at = z, r.in.first, r.text, k
		}
	}
	if line == 0 {
		return
	}
	if m := wholeVar().FindStringSubmatch(zone); m != nil {
		zone = runAssigned(text, m[1]+m[2])
		if zone == "" {
			zone = f.envNow[m[1]+m[2]]
		}
	}
	if z := lt.ZoneFiles; z != nil && (z.Linked(text) || z.Reading(text)) {
		// The zone took effect in the builder only with its zone file
		// there (review 6, finding E): a link resolves when the program
		// runs, a copy when the RUN runs. Without it the original ran in
		// UTC, as the runtime does.
		linked := z.Linked(text)
		when := at
		if linked {
			when = -1
		}
		if !f.hasPackage(z.Packages, line, when) {
			shown := zone
			if !zoneName().MatchString(zone) {
				shown = "a zone it does not spell out"
			}
			if linked {
				p.notes.note(line, infoLocalTimeNever, "the RUN makes %s the local time zone by a link to its zone file, which the builder does not have when the program runs (no %s: the image has none, or the file removes it): the link points nowhere and the original ran in UTC, as the runtime does, so no ENV %s is set", shown, strings.Join(z.Packages, ", "), lt.Env)
			} else {
				p.notes.note(line, infoLocalTimeNever, "the RUN makes %s the local time zone, but the builder has no zone file for it when the RUN runs (no %s: the image has none, or the file removes it): the original ran in UTC, as the runtime does, so no ENV %s is set", shown, strings.Join(z.Packages, ", "), lt.Env)
			}
			return
		}
	}
	if !zoneName().MatchString(zone) {
		p.notes.note(line, warnLocalTimeLost, "the RUN sets the local time zone to a name the file does not spell out: the runtime does not get the builder's /etc/localtime and runs in UTC; set ENV %s to the zone in the runtime stage", lt.Env)
		return
	}
	if len(lt.Data) > 0 && !p.hasZoneData(lt.Data) {
		p.notes.note(line, warnLocalTimeLost, "the RUN makes %s the local time zone, and the runtime %s has no zone data (%s) to resolve ENV %s with: it runs in UTC; install %s in the runtime stage and set ENV %s=%s", zone, p.image, strings.Join(lt.Data, ", "), lt.Env, lt.Data[0], lt.Env, zone)
		return
	}
	p.env = append(p.env, lt.Env+"="+zone)
	p.notes.note(line, infoLocalTimeEnv, "ENV %s=%s is set in the runtime: the RUN makes %s the local time zone in the builder's /etc/localtime, which the runtime does not get, and the file sets no %s (%s)", lt.Env, zone, zone, lt.Env, lt.Why)
}

// hasZoneData reports whether the runtime has or installs one of the
// packages that hold zone files.
func (p *plan) hasZoneData(data []string) bool {
	for _, d := range data {
		if allMatch(p.runtime.Packages, []string{d}) {
			return true
		}
		for _, i := range p.pkgInstalled {
			if name, _, _ := strings.Cut(i, "="); name == d {
				return true
			}
		}
	}
	return false
}

// runAssigned is the value a RUN's text assigns to a variable (TZ=X,
// export TZ=X), or "".
func runAssigned(text, name string) string {
	r := regexp.MustCompile(`(?:^|[\s;&|(])(?:export[ \t]+)?` + regexp.QuoteMeta(name) + `=["']?([^\s"';&|)]+)`)
	if m := r.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	return ""
}
