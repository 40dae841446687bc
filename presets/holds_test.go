package presets

import "testing"

// The element must be at its path and hold every value itself (review
// 31, finding B): a plugin managed in <pluginManagement> is not one of
// <build><plugins>, and the values of two plugins do not add up.
func TestProjectElementHolds(t *testing.T) {
	plugin := ProjectElement{Element: "project/build/plugins/plugin", Has: DictOf(map[string]string{"artifactId": "spring-boot-maven-plugin", "executions/execution/goals/goal": "repackage"})}
	for _, c := range []struct {
		name, pom string
		want, ok  bool
	}{
		{"bound", `<project><build><plugins><plugin><artifactId> spring-boot-maven-plugin </artifactId><executions><execution><goals><goal>build-info</goal><goal>repackage</goal></goals></execution></executions></plugin></plugins></build></project>`, true, true},
		{"managed only", `<project><build><pluginManagement><plugins><plugin><artifactId>spring-boot-maven-plugin</artifactId><executions><execution><goals><goal>repackage</goal></goals></execution></executions></plugin></plugins></pluginManagement></build></project>`, false, true},
		{"values of two plugins", `<project><build><plugins><plugin><artifactId>spring-boot-maven-plugin</artifactId></plugin><plugin><artifactId>other</artifactId><executions><execution><goals><goal>repackage</goal></goals></execution></executions></plugin></plugins></build></project>`, false, true},
		{"second plugin", `<project><build><plugins><plugin><artifactId>maven-resources-plugin</artifactId></plugin><plugin><artifactId>spring-boot-maven-plugin</artifactId><executions><execution><goals><goal>repackage</goal></goals></execution></executions></plugin></plugins></build></project>`, true, true},
		{"not XML", `<project><build></plugins>`, false, false},
	} {
		got, ok := plugin.Holds([]byte(c.pom))
		if got != c.want || ok != c.ok {
			t.Errorf("%s: Holds = %v, %v; want %v, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

// A dependency with no scope is compile-scoped and lacked; test and
// provided ones are not on the run's class path; a moved output folder
// is told apart (review 31, finding A).
func TestProjectClassesRead(t *testing.T) {
	pc := ProjectClasses{Dir: "target/classes", Unsure: []string{"project/build/outputDirectory"}, Deps: "project/dependencies/dependency", Name: "artifactId", Scope: "scope", Off: []string{"test", "provided"}}
	moved, deps, ok := pc.Read([]byte(`<project><dependencies><dependency><artifactId>gson</artifactId></dependency><dependency><artifactId>junit</artifactId><scope>test</scope></dependency><dependency><artifactId>servlet-api</artifactId><scope> provided </scope></dependency><dependency><artifactId>pg</artifactId><scope>runtime</scope></dependency></dependencies><dependencyManagement><dependencies><dependency><artifactId>managed</artifactId></dependency></dependencies></dependencyManagement></project>`))
	if moved || !ok || len(deps) != 2 || deps[0] != "gson" || deps[1] != "pg" {
		t.Errorf("Read = %v, %q, %v; want false, [gson pg], true", moved, deps, ok)
	}
	if moved, _, ok := pc.Read([]byte(`<project><build><outputDirectory>out</outputDirectory></build></project>`)); !moved || !ok {
		t.Errorf("outputDirectory: moved %v ok %v, want true true", moved, ok)
	}
}
