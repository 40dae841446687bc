package main

import "github.com/urfave/cli/v2"

// urfave/cli asks a flag for its names (Flag.Names) at every lookup, and
// each answer runs a regular expression over each name (cli.FlagNames, a
// check left from v1). Command.Run asks IsSet of every flag, and IsSet
// of a flag not given looks it up among all the flags: quadratic in the
// number of flags, about 0.1 ms of every run's start (perf, 30 root
// flags). These wrappers answer Names from a list made once. Each embeds
// the flag's own type, so every other method (and so every optional
// interface urfave/cli looks for) is the flag's; only a type assertion
// to the concrete type would miss, and urfave/cli makes one only for a
// BoolFlag's DisableDefaultText, which restage never sets, and for
// hidden flags in shell completion, which restage does not enable.
type (
	boolFlag struct {
		*cli.BoolFlag
		names []string
	}
	stringFlag struct {
		*cli.StringFlag
		names []string
	}
	stringSliceFlag struct {
		*cli.StringSliceFlag
		names []string
	}
	durationFlag struct {
		*cli.DurationFlag
		names []string
	}
	runtimeFlag struct {
		*flavorFlag
		names []string
	}
)

func (f boolFlag) Names() []string        { return f.names }
func (f stringFlag) Names() []string      { return f.names }
func (f stringSliceFlag) Names() []string { return f.names }
func (f durationFlag) Names() []string    { return f.names }
func (f runtimeFlag) Names() []string     { return f.names }

// namesOnce wraps the flags of app and of all its commands.
func namesOnce(app *cli.App) {
	app.Flags = wrapNames(app.Flags)
	var walk func([]*cli.Command)
	walk = func(cmds []*cli.Command) {
		for _, c := range cmds {
			c.Flags = wrapNames(c.Flags)
			walk(c.Subcommands)
		}
	}
	walk(app.Commands)
}

func wrapNames(flags []cli.Flag) []cli.Flag {
	out := make([]cli.Flag, len(flags))
	for i, f := range flags {
		switch f := f.(type) {
		case *cli.BoolFlag:
			out[i] = boolFlag{f, names(f.Name, f.Aliases)}
		case *cli.StringFlag:
			out[i] = stringFlag{f, names(f.Name, f.Aliases)}
		case *cli.StringSliceFlag:
			out[i] = stringSliceFlag{f, names(f.Name, f.Aliases)}
		case *cli.DurationFlag:
			out[i] = durationFlag{f, names(f.Name, f.Aliases)}
		case *flavorFlag:
			out[i] = runtimeFlag{f, names(f.Name, f.Aliases)}
		default:
			out[i] = f
		}
	}
	return out
}

// names is what cli.FlagNames makes of a flag's name and aliases when
// none holds a comma or a space, as none of restage's does
// (TestNamesOnceChangesNothing), without FlagNames' regular expression:
// asking every flag of every command once was a twentieth of a run.
func names(name string, aliases []string) []string {
	return append([]string{name}, aliases...)
}
