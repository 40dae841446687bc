package transform

import (
	"fmt"
	"strconv"
	"strings"
)

// MapImage rewrites an image reference by the first mapping whose From
// is a prefix of it; with none, ref comes back as it is. The engine maps
// the images it writes with it, and MapImages the images a file names,
// so that both agree on what a mapping means.
func MapImage(ref string, m []ImageMapping) string {
	for _, x := range m {
		if x.From != "" && strings.HasPrefix(ref, x.From) {
			return x.To + strings.TrimPrefix(ref, x.From)
		}
	}
	return ref
}

// ImageRewrite is one image reference that MapImages rewrote.
type ImageRewrite struct {
	Line     int // the instruction's first line, 1-based
	From, To string
}

// ImageMap is what MapImages found in a file.
type ImageMap struct {
	// Edits change only the image words, sorted and apart.
	Edits    []Edit
	Rewrites []ImageRewrite
	// Last is the final stage's base image, after the map.
	Last string
	// Warnings name the references the map could not be applied to.
	Warnings []string
}

// MapImages applies the image map to the image references of a
// Dockerfile: FROM's image and COPY --from=IMAGE (not stage names nor
// indexes). A reference equal to skip (an image the engine wrote and
// mapped already) is left alone. Only the image word changes: the rest
// of the file comes back byte for byte.
func MapImages(src []byte, m []ImageMapping, skip string) (*ImageMap, error) {
	s, err := parseInput(src)
	if err != nil {
		return nil, err
	}
	res := &ImageMap{}
	stages := map[string]bool{}
	mapWord := func(in *inst, w span, ref string) string {
		if ref == skip && skip != "" {
			return ref
		}
		to := MapImage(ref, m)
		if to == ref {
			return ref
		}
		if w.end <= w.start || string(src[w.start:w.end]) != ref {
			res.Warnings = append(res.Warnings, fmt.Sprintf("line %d: could not rewrite %s in place; built as written", in.first, ref))
			return ref
		}
		res.Edits = append(res.Edits, Edit{Start: w.start, End: w.end, NewText: to})
		res.Rewrites = append(res.Rewrites, ImageRewrite{Line: in.first, From: ref, To: to})
		return to
	}
	for _, in := range s.nodes {
		n := in.node
		switch in.kw {
		case "FROM":
			if n.Next == nil {
				continue
			}
			ref := n.Next.Value
			if stages[strings.ToLower(ref)] || strings.EqualFold(ref, "scratch") {
				res.Last = ref
			} else {
				var target span
				for _, w := range s.words(in) {
					if !strings.HasPrefix(string(src[w.start:w.end]), "--") {
						target = w
						break
					}
				}
				res.Last = mapWord(in, target, ref)
				// A reference with a build argument is matched as
				// written (node:${NODE_VERSION}-alpine against node:*):
				// only one no mapping matched is built unmapped
				// (review 26n, finding A: the warning came for both).
				if res.Last == ref && strings.Contains(ref, "$") && len(m) > 0 {
					res.Warnings = append(res.Warnings, fmt.Sprintf("line %d: FROM %s uses a build argument: the image map is not applied to it", in.first, ref))
				}
			}
			// The stage name counts from the next instruction on.
			if nn := n.Next.Next; nn != nil && strings.EqualFold(nn.Value, "as") && nn.Next != nil {
				stages[strings.ToLower(nn.Next.Value)] = true
			}
		case "COPY":
			var from string
			for _, f := range n.Flags {
				if v, ok := strings.CutPrefix(f, "--from="); ok {
					from = v
				}
			}
			if from == "" || stages[strings.ToLower(from)] {
				continue
			}
			if _, err := strconv.Atoi(from); err == nil {
				continue // a stage index
			}
			for _, w := range s.words(in) {
				if v, ok := strings.CutPrefix(string(src[w.start:w.end]), "--from="); ok && v == from {
					mapWord(in, span{w.start + len("--from="), w.end}, from)
					break
				}
			}
		}
	}
	return res, nil
}

// words are the blank-separated words of an instruction's physical
// lines after its keyword, up to the end of its logical line: comment
// lines inside it and the escape that continues a line are skipped. A
// word split by a continuation comes back in pieces, which then do not
// match the parser's value and are left alone.
func (s *source) words(in *inst) []span {
	var words []span
	for l := in.first; l <= in.end; l++ {
		line := s.lines[l-1]
		text := string(s.data[line.start:line.end])
		if l > in.first && strings.HasPrefix(strings.TrimSpace(text), "#") {
			continue
		}
		body := strings.TrimRight(text, " \t\r\n")
		continued := strings.HasSuffix(body, string(s.escape))
		if continued {
			body = body[:len(body)-len(string(s.escape))]
		}
		for i := 0; i < len(body); {
			if body[i] == ' ' || body[i] == '\t' {
				i++
				continue
			}
			j := i
			for j < len(body) && body[j] != ' ' && body[j] != '\t' {
				j++
			}
			words = append(words, span{line.start + i, line.start + j})
			i = j
		}
		if l == in.first && len(words) > 0 {
			words = words[1:] // the keyword
		}
		if !continued {
			break // a heredoc's body is not the instruction's
		}
	}
	return words
}
