package main

import (
	"context"
	"slices"

	"github.com/urfave/cli/v2"

	"github.com/restage/restage/internal/version"
	"github.com/restage/restage/lsp"
)

const lspHelp = `Runs a language server on stdin and stdout (the Language Server Protocol,
Content-Length framing), for editors: a hint on the FROM line of a Dockerfile restage
would split (code "split", with the runtime and the estimated sizes), restage's warnings
at their lines, a code action (quickfix, and source.fixAll.restage) and document
formatting that apply the split. Each document is converted with its folder on disk as
the build context and the .restage.yaml found from there, as the command does.

initializationOptions: {"showDeclines": true} also shows why a file is left unchanged;
"runtime" and "imageMap" (["FROM=TO"]) replace --runtime and come before --image-map,
and workspace/didChangeConfiguration takes them under "restage". See docs/editors.md.`

// lspFlags are the conversion flags that make sense for a server: no
// output format, no stdin name.
func lspFlags() []cli.Flag {
	skip := []string{flagJSON, flagStdinFilename}
	var out []cli.Flag
	for _, f := range wrapNames(conversionFlags()) { // wrapped: Names without a regular expression
		switch name := f.Names()[0]; {
		case slices.Contains(skip, name):
		case name == flagContext:
			out = append(out, &cli.StringFlag{Name: flagContext, Usage: "build context `DIR` of every document (default: each document's folder on disk; none for an unsaved one)"})
		default:
			out = append(out, f)
		}
	}
	return out
}

func (a *app) lspAction(c *cli.Context) error {
	if c.Args().Present() {
		return usagef("lsp takes no paths: the editor sends the documents")
	}
	// The choices are checked now, so that a bad flag is an error on the
	// command line rather than at the client's initialize.
	if _, err := a.conversionSettings(c); err != nil {
		return err
	}
	a.fail(lsp.Serve(context.Background(), a.stdin, a.stdout, lsp.Options{
		Choices: a.choices(c), Version: version.String(), Log: a.stderr, Convert: a.convert,
	}))
	return nil
}
