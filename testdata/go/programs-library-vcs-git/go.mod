module example.com/g

go 1.26

require github.com/Masterminds/vcs v1.13.3
