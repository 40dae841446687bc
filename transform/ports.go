package transform

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/restage/restage/presets"
)

// checkPorts warns about privileged ports a non-root user cannot bind.
// The original may have bound one as root; the result runs as another
// user. A port is read from EXPOSE, and from what the container starts
// with, where a program is told where to listen: a HOST:PORT word
// (gunicorn -b 0.0.0.0:80, uvicorn's --bind), a --port or -p option
// with a number (--port 80, --port=80), an option of the preset's
// listen_options with a port or an address (Go's -port 80, -addr=:80),
// and a PORT setting of the file
// (the convention most frameworks read), and a literal port a server
// call of a source the start reaches listens on (app.run(port=80): the
// preset's writes.sources.listen_ports; review 23n, finding D), which the
// file's EXPOSE may not even name. Each port is warned about once: on
// its EXPOSE, else on the start command, else on the PORT setting, else
// on the start command naming the source's line. The commands of the
// start script the command runs are read as the command's words are.
func (p *plan) checkPorts() {
	u := p.user
	if u == "" && !p.keepsRoot {
		u = p.runtime.User
	}
	if name, _, _ := strings.Cut(u, ":"); name == "root" || name == "0" || u == "" {
		return
	}
	warned := map[int]bool{}
	warnAt := func(line, n int, where string) {
		if n > 0 && n < 1024 && !warned[n] {
			warned[n] = true
			if where != "" {
				where = " (" + where + " binds it)"
			}
			p.notes.note(line, warnPrivilegedPort, "port %d is below 1024%s: the non-root user %s can bind it only where the engine lets containers use low ports (Docker and Podman do; Kubernetes does not by default) or gives the program the NET_BIND_SERVICE capability; consider a port from 1024 up", n, where, u)
		}
	}
	warn := func(line, n int) { warnAt(line, n, "") }
	for _, in := range p.f.moved {
		c, ok := in.cmd.(*instructions.ExposeCommand)
		if !ok {
			continue
		}
		for _, port := range c.Ports {
			num, _, _ := strings.Cut(port, "/")
			if n, err := strconv.Atoi(num); err == nil {
				warn(in.first, n)
			}
		}
	}
	for _, in := range []*inst{p.f.entrypoint, p.f.cmd} {
		if in == nil {
			continue
		}
		for _, n := range listenPorts(startWords(in), p.f.preset.ListenOptions) {
			warn(in.first, n)
		}
	}
	for _, e := range p.f.env {
		if e.key == "PORT" {
			v, ok := p.f.envNow["PORT"]
			if !ok {
				// Docker expands the default at build time when no
				// ARG or ENV before gives PORT.
				v = portDefault(e.raw)
			}
			if n, err := strconv.Atoi(v); err == nil {
				warn(e.in.first, n)
			}
		}
	}
	// The start script's own commands tell a server where to listen as
	// the CMD does (review 32, finding F: exec gunicorn --bind 0.0.0.0:80).
	if p.prog != nil && p.prog.holder != nil && p.prog.scriptFile != "" {
		for _, c := range p.scriptCmds {
			var words []string
			for _, w := range c.c.Words {
				if !w.Dynamic {
					words = append(words, w.Text)
				}
			}
			for _, n := range listenPorts(words, p.f.preset.ListenOptions) {
				warnAt(p.prog.holder.first, n, p.prog.scriptFile)
			}
		}
	}
	if p.prog != nil && p.prog.holder != nil {
		for _, sp := range p.sourcePorts() {
			warnAt(p.prog.holder.first, sp.port, sp.where)
		}
	}
}

// sourcePort is a privileged port a source binds, and where: file:line.
type sourcePort struct {
	port  int
	where string
}

// sourcePorts are the ports below 1024 that server calls of the sources
// the start reaches listen on, outside comments and string literals.
func (p *plan) sourcePorts() []sourcePort {
	ctx, w := p.f.opt.Context, p.f.preset.Writes
	if ctx == nil || w == nil || w.Sources == nil || len(w.Sources.ListenPorts) == 0 {
		return nil
	}
	s := w.Sources
	low := func(ls []presets.Literal) []presets.Literal {
		return slices.DeleteFunc(ls, func(l presets.Literal) bool {
			n, err := strconv.Atoi(l.Text)
			return err != nil || n <= 0 || n >= 1024
		})
	}
	runs := p.runSources()
	var out []sourcePort
	walkSources(ctx, p.withStart(s), s.SkipHolding, p.f.dockerignore(), func(name string, data []byte) bool {
		if len(low(s.Ports(data, nil))) == 0 || !runs(name) {
			return true
		}
		code := p.blanked(name, data)()
		for _, l := range low(s.Ports(code, func(at int) bool { return p.f.preset.InString(data, at) })) {
			n, _ := strconv.Atoi(l.Text)
			out = append(out, sourcePort{n, fmt.Sprintf("%s:%d", name, bytes.Count(data[:l.Offset], []byte("\n"))+1)})
		}
		return true
	})
	return out
}

// startWords are the literal words of a CMD or ENTRYPOINT: every simple
// command of it (commandCmds), those of an `sh -c` string included.
func startWords(in *inst) []string {
	var words []string
	for _, c := range commandCmds(in) {
		for _, w := range c.c.Words {
			if !w.Dynamic {
				words = append(words, w.Text)
			}
		}
	}
	return words
}

// hostPort returns the port of a listening address: an IPv4 address, a
// bracketed IPv6 one, localhost, * or nothing, then a colon and digits
// ("0.0.0.0:80", ":80", "[::]:80"); "" for any other word.
func hostPort(w string) string {
	i := strings.LastIndexByte(w, ':')
	if i < 0 {
		return ""
	}
	host, port := w[:i], w[i+1:]
	if port == "" || len(port) > 5 || strings.Trim(port, "0123456789") != "" {
		return ""
	}
	switch {
	case host == "" || host == "localhost" || host == "*":
	case strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") && strings.Trim(host[1:len(host)-1], "0123456789abcdefABCDEF:") == "":
	case strings.Trim(host, "0123456789.") == "":
	default:
		return ""
	}
	return port
}

// listenPorts are the ports words tell a program to listen on. opts are
// the preset's listen_options, spellings of an option whose value (the
// next word, or after "=") is a port or a HOST:PORT word: Go's flag
// package takes -port 80 and -port=80 as --port 80 (review 27, finding
// B), which other programs' parsers do not.
func listenPorts(words, opts []string) []int {
	var out []int
	taken := -1 // the word an option of opts took as its value
	for i, w := range words {
		if i == taken {
			continue
		}
		num := ""
		switch {
		case w == "--port" || w == "-p":
			if i+1 < len(words) {
				num = words[i+1]
			}
		case strings.HasPrefix(w, "--port="):
			num = strings.TrimPrefix(w, "--port=")
		default:
			num = hostPort(strings.TrimPrefix(w, "--bind="))
		}
		for _, o := range opts {
			v, ok := "", false
			if w == o && i+1 < len(words) {
				v, ok, taken = words[i+1], true, i+1
			} else if after, found := strings.CutPrefix(w, o+"="); found {
				v, ok = after, true
			}
			if ok {
				if _, err := strconv.Atoi(v); err != nil {
					v = hostPort(v)
				}
				num = v
			}
		}
		if n, err := strconv.Atoi(num); err == nil {
			out = append(out, n)
		}
	}
	return out
}

// portDefault is the default of a PORT setting that defers to a PORT
// set before (ENV PORT ${PORT:-80}: review 32, finding F), which is its
// value when nothing before sets PORT; any other value as it is.
func portDefault(v string) string {
	v = strings.Trim(v, `"'`)
	for _, sep := range []string{":-", "-"} {
		if strings.HasPrefix(v, "${PORT"+sep) && strings.HasSuffix(v, "}") {
			return strings.TrimSuffix(strings.TrimPrefix(v, "${PORT"+sep), "}")
		}
	}
	return v
}
