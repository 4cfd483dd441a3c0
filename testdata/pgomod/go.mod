module example.com/pgomod

go 1.26.0
