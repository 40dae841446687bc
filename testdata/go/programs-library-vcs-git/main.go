package main

import (
	"fmt"

	"github.com/Masterminds/vcs"
)

func main() {
	// vcs runs the git program (exec.Command("git", "clone", ...)) for Get and Version.
	repo, err := vcs.NewGitRepo("https://github.com/Masterminds/vcs", "/tmp/vcs")
	if err != nil {
		panic(err)
	}
	if err := repo.Get(); err != nil {
		panic(err)
	}
	v, _ := repo.Version()
	fmt.Println(v)
}
