module example.com/report-run

go 1.25
