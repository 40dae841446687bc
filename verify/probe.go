package verify

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// probe runs the probes on both images.
func (vr *run) probe(ctx context.Context) error {
	type probeFn func(ctx context.Context, image, variant string) ([]ProbeResult, error)
	var names []string
	var fns []probeFn
	if len(vr.opt.HTTPProbes) > 0 {
		for _, p := range vr.opt.HTTPProbes {
			names = append(names, p.String())
		}
		fns = append(fns, vr.probeHTTP)
	}
	if vr.opt.CmdProbe != nil {
		name := "cmd " + vr.opt.CmdProbeText
		if len(vr.opt.CmdProbe) == 0 {
			name = "cmd (the image's own)"
		}
		if vr.opt.CmdProbeStdin != nil {
			name += " < " + vr.opt.CmdProbeStdinName
		}
		names = append(names, name)
		fns = append(fns, func(ctx context.Context, image, variant string) ([]ProbeResult, error) {
			r, err := vr.probeCmd(ctx, image, variant)
			return []ProbeResult{r}, err
		})
	}
	if len(fns) == 0 {
		names = append(names, "default")
		fns = append(fns, func(ctx context.Context, image, variant string) ([]ProbeResult, error) {
			r, err := vr.probeDefault(ctx, image, variant)
			return []ProbeResult{r}, err
		})
	}
	var results [2][]ProbeResult
	for i, x := range []struct {
		r       *ImageReport
		variant string
	}{{vr.rep.Original, "original"}, {vr.rep.Converted, "converted"}} {
		vr.progress("probing the %s", x.variant)
		x.r.Writes = []string{} // known from here: a container that does not start writes nothing
		for _, fn := range fns {
			rs, err := fn(ctx, x.r.Image, x.variant)
			if err != nil {
				return err
			}
			results[i] = append(results[i], rs...)
		}
	}
	for i, name := range names {
		p := ProbeReport{Probe: name, Original: results[0][i], Converted: results[1][i]}
		p.Difference = compareProbe(p.Original, p.Converted)
		p.Same = p.Difference == ""
		vr.rep.Probes = append(vr.rep.Probes, p)
		if w := originalFailed(name, i < len(vr.opt.HTTPProbes), p.Original); w != "" {
			vr.rep.Warnings = append(vr.rep.Warnings, w)
		}
	}
	vr.rep.WritesCompared = compareWrites(vr.rep.Original, vr.rep.Converted)
	return nil
}

// image is the report of the image a variant names.
func (vr *run) image(variant string) *ImageReport {
	if variant == "original" {
		return vr.rep.Original
	}
	return vr.rep.Converted
}

// OriginalFailed starts the warning of a probe that the original itself
// failed, which shows only that both images fail alike.
const OriginalFailed = "the original itself "

// originalFailed warns when the original failed a probe, so that "same"
// says only that both images fail alike: the default probe when the
// original neither keeps running nor exits 0, and an HTTP probe it did
// not answer (a server that stops at start: the real corpus's cloudcmd,
// whose commit lacks the dist/ folder its start reads, compared two
// crashes). A command probe's exit status is the probe's own business.
func originalFailed(name string, http bool, o ProbeResult) string {
	switch {
	case name == "default" && !o.passes():
		return OriginalFailed + o.describe() + ": the default probe shows only that both behave alike"
	case http && o.Outcome != "answered":
		return OriginalFailed + o.describe() + " at " + name + ": the probe shows only that both behave alike"
	}
	return ""
}

// passes reports whether a default probe result looks healthy: a server
// still up, or a program that exited 0.
func (r ProbeResult) passes() bool {
	return r.Outcome == "running" || (r.Outcome == "exited" && r.ExitCode != nil && *r.ExitCode == 0)
}

// describe says what happened in a few words.
func (r ProbeResult) describe() string {
	switch r.Outcome {
	case "running":
		return "keeps running"
	case "exited":
		if r.ExitCode != nil {
			return fmt.Sprintf("exits %d", *r.ExitCode)
		}
		return "exits"
	case "answered":
		return fmt.Sprintf("answers %d with %d bytes", r.HTTPStatus, len(r.Stdout))
	case "not started":
		return "does not start (" + r.Error + ")"
	case "no answer":
		s := "does not answer"
		if r.Error != "" {
			s += " (" + r.Error + ")"
		}
		return s
	}
	s := r.Outcome
	if r.Error != "" {
		s += " (" + r.Error + ")"
	}
	return s
}

// compareProbe says how two results differ, "" when they do not.
func compareProbe(o, c ProbeResult) string {
	hint := func(s string) string {
		if c.Stderr != "" && c.Stderr != o.Stderr {
			s += "; converted stderr: " + oneLine(lastLine(c.Stderr))
		}
		return s
	}
	if o.Outcome != c.Outcome || !equalCode(o.ExitCode, c.ExitCode) || o.HTTPStatus != c.HTTPStatus {
		return hint(fmt.Sprintf("the original %s, the converted image %s", o.describe(), c.describe()))
	}
	if o.Outcome == "running" || o.Outcome == "not started" || o.Outcome == "timed out" {
		return ""
	}
	if o.Stdout != c.Stdout {
		what := "stdout"
		if o.Outcome == "answered" {
			what = "body"
		}
		return hint(fmt.Sprintf("the %s differs: %q vs %q", what, preview(o.Stdout), preview(c.Stdout)))
	}
	return ""
}

func equalCode(a, b *int) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return s[strings.LastIndexByte(s, '\n')+1:]
}

func preview(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

// tail keeps the last n bytes of s.
func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}

// probeDefault runs the image as it is: a server stays up for UpFor, a
// one-shot program exits (with its stdout compared).
func (vr *run) probeDefault(ctx context.Context, image, variant string) (ProbeResult, error) {
	name := vr.containerName(variant, "run")
	r, ok, err := vr.start(ctx, name, image, nil)
	if err != nil || !ok {
		return r, err
	}
	defer vr.remove(ctx, name)
	wctx, cancel := context.WithTimeout(ctx, vr.opt.UpFor)
	defer cancel()
	code, err := vr.eng.Wait(wctx, name)
	switch {
	case ctx.Err() != nil:
		return r, errInterrupted
	case wctx.Err() != nil:
		r.Outcome = "running"
	case err != nil:
		return r, err
	default:
		r.Outcome, r.ExitCode = "exited", &code
	}
	stdout, stderr, err := vr.eng.Logs(ctx, name)
	if err != nil {
		return r, err
	}
	if r.Outcome == "exited" {
		r.Stdout = stdout
	}
	r.Stderr = tail(stderr, 500)
	return r, vr.recordWrites(ctx, vr.image(variant), name)
}

// start runs a container in the background. ok is false when the
// container did not start (r says why), err when the engine failed.
func (vr *run) start(ctx context.Context, name, image string, ports []int) (r ProbeResult, ok bool, err error) {
	vr.containers = append(vr.containers, name)
	refused, err := vr.eng.Start(ctx, name, image, ports, vr.opt.Env, vr.opt.RunCmd)
	if err != nil {
		return r, false, err
	}
	if refused != "" {
		r.Outcome, r.Error = "not started", refused
		vr.remove(ctx, name)
		return r, false, nil
	}
	return r, true, nil
}

// probeHTTP starts the image with the probes' ports published on
// 127.0.0.1 and asks each probe's path.
func (vr *run) probeHTTP(ctx context.Context, image, variant string) ([]ProbeResult, error) {
	var ports []int
	for _, p := range vr.opt.HTTPProbes {
		if !slices.Contains(ports, p.Port) {
			ports = append(ports, p.Port)
		}
	}
	results := make([]ProbeResult, len(vr.opt.HTTPProbes))
	name := vr.containerName(variant, "http")
	r, ok, err := vr.start(ctx, name, image, ports)
	if err != nil || !ok {
		for i := range results {
			results[i] = r
		}
		return results, err
	}
	defer vr.remove(ctx, name)

	// Watch for the container's exit, to stop polling early.
	exited := make(chan int, 1)
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		code, err := vr.eng.Wait(wctx, name)
		if err == nil {
			exited <- code
		}
	}()
	hostPorts := map[int]string{}
	for _, port := range ports {
		addr, err := vr.eng.Port(ctx, name, port)
		if err != nil {
			// A container that has already exited has no published
			// ports: that is the probe's answer, not an error.
			select {
			case code := <-exited:
				exited <- code
			case <-time.After(3 * time.Second):
				return nil, err
			}
			break
		}
		hostPorts[port] = addr
	}
	deadline := time.Now().Add(vr.opt.ProbeTimeout)
	var exitCode *int
	for i, p := range vr.opt.HTTPProbes {
		res := &results[i]
		for {
			if exitCode == nil {
				select {
				case code := <-exited:
					exitCode = &code
				default:
				}
			}
			if exitCode != nil {
				res.Outcome, res.ExitCode = "exited", exitCode
				break
			}
			status, body, err := httpGet(ctx, hostPorts[p.Port], fmt.Sprintf("localhost:%d", p.Port), p.Path)
			if err == nil {
				res.Outcome, res.HTTPStatus, res.Stdout = "answered", status, body
				break
			}
			if ctx.Err() != nil {
				return nil, errInterrupted
			}
			if time.Now().After(deadline) {
				res.Outcome, res.Error = "no answer", fmt.Sprintf("%v after %s", errMsgShort(err), vr.opt.ProbeTimeout)
				break
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	if exitCode != nil || slices.ContainsFunc(results, func(r ProbeResult) bool { return r.Outcome != "answered" }) {
		_, stderr, _ := vr.eng.Logs(ctx, name)
		for i := range results {
			results[i].Stderr = tail(stderr, 500)
		}
	}
	return results, vr.recordWrites(ctx, vr.image(variant), name)
}

// errMsgShort is the end of a network error: "connection refused".
func errMsgShort(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		return s[i+2:]
	}
	return s
}

// probeCmd runs the image with the probe's arguments as its CMD.
func (vr *run) probeCmd(ctx context.Context, image, variant string) (ProbeResult, error) {
	name := vr.containerName(variant, "cmd")
	vr.containers = append(vr.containers, name)
	defer vr.remove(ctx, name)
	pctx, cancel := context.WithTimeout(ctx, vr.opt.ProbeTimeout)
	defer cancel()
	res, err := vr.eng.Run(pctx, name, image, vr.opt.Env, vr.opt.CmdProbe, vr.opt.CmdProbeStdin)
	r := ProbeResult{Stdout: res.Stdout, Stderr: tail(res.Stderr, 500)}
	switch {
	case ctx.Err() != nil:
		return r, errInterrupted
	case pctx.Err() != nil:
		r.Outcome, r.Error, r.Stdout = "timed out", fmt.Sprintf("still running after %s (--probe-timeout)", vr.opt.ProbeTimeout), ""
	case err != nil:
		return r, err
	case res.Refused != "":
		r.Outcome, r.Error, r.Stdout = "not started", res.Refused, ""
	default:
		code := res.ExitCode
		r.Outcome, r.ExitCode = "exited", &code
	}
	if r.Outcome == "not started" {
		return r, nil
	}
	return r, vr.recordWrites(ctx, vr.image(variant), name)
}
