// Command startup times whole process runs of restage and of the
// parse-only floor (bench/floor) on the same Dockerfile, alternating
// them so that a change in the machine's load hits both alike, and
// prints each one's median and the ratio restage/floor. With -engine it
// also times restage's conversion alone (bench/engine). bench/startup.sh
// builds the binaries with the same flags and runs it.
//
// It must never import restage's packages (see bench/floor).
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"time"
)

func main() {
	n := flag.Int("n", 200, "runs of each program")
	restage := flag.String("restage", "bin/restage", "the restage binary")
	floor := flag.String("floor", "bin/floor", "the floor binary")
	engine := flag.String("engine", "", "the bench/engine binary, timed too when given")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: startup [-n N] [-restage BIN] [-floor BIN] [-engine BIN] Dockerfile")
		os.Exit(2)
	}
	file := flag.Arg(0)
	progs := []struct {
		name string
		args []string
	}{
		{"floor", []string{*floor, file}},
		{"restage", []string{*restage, "-q", file}},
	}
	if *engine != "" {
		progs = append(progs, struct {
			name string
			args []string
		}{"engine", []string{*engine, file}})
	}
	times := make([][]time.Duration, len(progs))
	for i := -5; i < *n; i++ { // five warm-up rounds fill the page cache
		for p, prog := range progs {
			cmd := exec.Command(prog.args[0], prog.args[1:]...)
			start := time.Now()
			err := cmd.Run()
			d := time.Since(start)
			// restage exits 0 (unchanged or declined) or 0 with a diff;
			// anything else means the benchmark measures an error path.
			if err != nil {
				fmt.Fprintf(os.Stderr, "startup: %s: %v\n", prog.name, err)
				os.Exit(2)
			}
			if i >= 0 {
				times[p] = append(times[p], d)
			}
		}
	}
	med := make([]time.Duration, len(progs))
	for p, prog := range progs {
		slices.Sort(times[p])
		med[p] = times[p][len(times[p])/2]
		fmt.Printf("%-8s median %6.2f ms  min %6.2f ms  (%d runs)\n", prog.name,
			ms(med[p]), ms(times[p][0]), len(times[p]))
	}
	fmt.Printf("ratio restage/floor: %.2f (medians), %.2f (minimums)\n",
		float64(med[1])/float64(med[0]), float64(times[1][0])/float64(times[0][0]))
	if len(progs) > 2 {
		fmt.Printf("ratio engine/floor:  %.2f (medians), %.2f (minimums)\n",
			float64(med[2])/float64(med[0]), float64(times[2][0])/float64(times[0][0]))
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
