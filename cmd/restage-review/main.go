// Command restage-review posts restage's conversions of a pull request's
// Dockerfiles as review suggestions on GitHub; `restage review` runs it.
//
// It is its own binary because its GitHub client (go-github, net/http,
// crypto/tls) would add about 0.6 ms of package initialisation and 3 MB
// to every plain `restage` run, which never talks to the network.
//
// Usage:
//
//	restage review [flags] [Dockerfile ...]
//
// Exit status: 0 done, 1 with --check when a change was suggested, 2 error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/restage/restage/internal/version"
	"github.com/restage/restage/review"
	"github.com/restage/restage/workspace"
)

func main() {
	os.Exit(run(os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
}

type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(s string) error { *m = append(*m, s); return nil }

func run(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("restage review", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		tokenEnv             = fs.String("token-env", "GITHUB_TOKEN", "read the token from the environment variable `NAME`")
		check                = fs.Bool("check", false, "exit 1 when a Dockerfile has a change to suggest")
		author               = fs.String("author", "github-actions[bot]", "the `LOGIN` that posts the bot's comments; its marked comments are recognised as the bot's own (\"\": any author)")
		c                    workspace.Choices
		presetDirs, imageMap multi
	)
	fs.StringVar(&c.Runtime, "runtime", "", "runtime image `FLAVOR` (default: the preset's choice)")
	fs.StringVar(&c.Preset, "preset", "", "use the preset `NAME` instead of detecting one")
	fs.Var(&presetDirs, "preset-dir", "read more presets from `DIR` (repeatable)")
	fs.Var(&imageMap, "image-map", "`FROM=TO` image prefix mapping (repeatable)")
	fs.StringVar(&c.Config, "config", "", "read the config `FILE` instead of looking for .restage.yaml")
	fs.BoolVar(&c.NoConfig, "no-config", false, "read no .restage.yaml")
	fs.BoolVar(&c.FitHealthcheck, "fit-healthcheck", false, "pick a runtime image that has the tools the HEALTHCHECK calls")
	fs.StringVar(&c.MaxSize, "max-size", "1MiB", "refuse Dockerfiles over `SIZE`")
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: restage review [flags] [Dockerfile ...]\n\n"+
			"Runs in a GitHub Actions job on pull_request or pull_request_target: converts the\n"+
			"Dockerfiles among the pull request's changed files (or the ones given) and posts\n"+
			"each change as one suggestion, or in one summary comment when it lies outside the diff.\n"+
			"Reads GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_STEP_SUMMARY.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	c.PresetDirs, c.ImageMap = presetDirs, imageMap
	fs.Visit(func(f *flag.Flag) { c.FitHealthcheckSet = c.FitHealthcheckSet || f.Name == "fit-healthcheck" })
	settings, err := workspace.New(c)
	if err != nil {
		fmt.Fprintf(stderr, "restage review: %v\n", err)
		return 2
	}
	token := getenv(*tokenEnv)
	if token == "" {
		fmt.Fprintf(stderr, "restage review: no token in $%s (set it from secrets.GITHUB_TOKEN or name another variable with --token-env)\n", *tokenEnv)
		return 2
	}
	return review.Run(context.Background(), review.Config{
		APIURL:      getenv("GITHUB_API_URL"),
		Repository:  getenv("GITHUB_REPOSITORY"),
		EventPath:   getenv("GITHUB_EVENT_PATH"),
		StepSummary: getenv("GITHUB_STEP_SUMMARY"),
		Token:       token,
		Paths:       fs.Args(),
		Settings:    settings,
		Version:     version.String(),
		Author:      *author,
		Check:       *check,
		Stdout:      stdout,
		Stderr:      stderr,
	})
}
