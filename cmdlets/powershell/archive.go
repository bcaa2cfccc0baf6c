package powershell

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/csshell/csshell/engine"
)

// archiveModule is the module pwsh ships Compress-Archive and
// Expand-Archive in (as script functions: their errors name the function).
const archiveModule = "Microsoft.PowerShell.Archive"

// The Archive module's messages (its ArchiveResources.psd1).
const (
	arcPathNotFound   = "The path '%s' either does not exist or is not a valid file system path."
	arcZipFileExists  = "The archive file %s already exists. Use the -Update parameter to update the existing archive file or use the -Force parameter to overwrite the existing archive file."
	arcDuplicatePath  = "The input to %s parameter contains a duplicate path '%s'. Provide a unique set of paths as input to %s parameter."
	arcMultiplePaths  = "The archive file path '%s' specified as input to the %s parameter is resolving to multiple file system paths. Provide a unique path to the %s parameter where the archive file has to be created."
	arcFileExists     = "Failed to create file '%s' while expanding the archive file '%s' contents as the file '%s' already exists. Use the -Force parameter if you want to overwrite the existing directory '%s' contents when expanding the archive file."
	arcNotZip         = "File '%s' does not appear to be a valid zip archive."
	arcBadEntry       = "Can not process invalid archive entry '%s'."
	arcInvalidDirPath = "The path '%s' is not a valid file system directory path."
)

// archiveError is a terminating error as the Archive module's
// ThrowTerminatingErrorHelper makes it (an IOException).
func archiveError(id, category string, target any, format string, args ...any) *engine.ErrorRecord {
	return engine.NewError(category, id, target, format, args...).WithException("System.IO.IOException")
}

// compressParams are Compress-Archive's parameters.
type compressParams struct {
	paths            fsPaths
	destinationPath  engine.Param[string]
	compressionLevel engine.Param[string]
	update           engine.Param[bool]
	force            engine.Param[bool]
	passThru         engine.Param[bool]
}

func newCompressParams() *compressParams {
	path := &engine.ParamInfo{Name: "Path", Type: "String[]", ValidateNotNullOrEmpty: true,
		Help: "Specifies the path or paths to the files and directories to add to the archive. Wildcards are permitted."}
	literal := &engine.ParamInfo{Name: "LiteralPath", Type: "String[]", Aliases: []string{"PSPath"}, ValidateNotNullOrEmpty: true,
		Help: "Specifies the path or paths to the files to add to the archive, used exactly as typed."}
	for _, s := range []string{"Path", "PathWithForce", "PathWithUpdate"} {
		path.Sets = append(path.Sets, engine.ParamSet{Name: s, Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true})
	}
	for _, s := range []string{"LiteralPath", "LiteralPathWithForce", "LiteralPathWithUpdate"} {
		literal.Sets = append(literal.Sets, engine.ParamSet{Name: s, Position: -1, Mandatory: true, FromPipelineByName: true})
	}
	dest := &engine.ParamInfo{Name: "DestinationPath", Type: "String", ValidateNotNullOrEmpty: true,
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, Mandatory: true}},
		Help: "Specifies the path to the archive output file; .zip is added when the path has no extension."}
	level := engine.NamedParam("CompressionLevel", "String", "Specifies how much compression to apply: Optimal (the default), Fastest or NoCompression.")
	level.ValidateSet, level.Default = []string{"Optimal", "NoCompression", "Fastest"}, "Optimal"
	return &compressParams{
		paths:            declareFsPaths(path, literal),
		destinationPath:  engine.Declare[string](dest),
		compressionLevel: engine.Declare[string](level),
		update: engine.Declare[bool](engine.ParamInSets("Update", "SwitchParameter", "Updates the specified archive by replacing older file versions in the archive with newer file versions that have the same names. You can also add this parameter to add files to an existing archive.",
			-1, true, "PathWithUpdate", "LiteralPathWithUpdate")),
		force: engine.Declare[bool](engine.ParamInSets("Force", "SwitchParameter", "Overwrites an existing archive file.",
			-1, true, "PathWithForce", "LiteralPathWithForce")),
		passThru: engine.Declare[bool](engine.NamedParam("PassThru", "SwitchParameter", "Causes the cmdlet to output a file object representing the archive file created.")),
	}
}

func (p *compressParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.paths.path.Info(), p.paths.literalPath.Info(), p.destinationPath.Info(),
		p.compressionLevel.Info(), p.update.Info(), p.force.Info(), p.passThru.Info()}
}

// expandParams are Expand-Archive's parameters.
type expandParams struct {
	path, literalPath engine.Param[string]
	destinationPath   engine.Param[string]
	force             engine.Param[bool]
	passThru          engine.Param[bool]
}

func newExpandParams() *expandParams {
	return &expandParams{
		path: engine.Declare[string](&engine.ParamInfo{Name: "Path", Type: "String", ValidateNotNullOrEmpty: true,
			Sets: []engine.ParamSet{{Name: "Path", Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}},
			Help: "Specifies the path to the archive file."}),
		literalPath: engine.Declare[string](&engine.ParamInfo{Name: "LiteralPath", Type: "String", Aliases: []string{"PSPath"}, ValidateNotNullOrEmpty: true,
			Sets: []engine.ParamSet{{Name: "LiteralPath", Position: -1, Mandatory: true, FromPipelineByName: true}},
			Help: "Specifies the path to an archive file, used exactly as typed."}),
		destinationPath: engine.Declare[string](&engine.ParamInfo{Name: "DestinationPath", Type: "String", ValidateNotNullOrEmpty: true,
			Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1}},
			Help: "Specifies the path to the folder in which to save the extracted files; by default a folder named after the archive in the current location."}),
		force:    engine.Declare[bool](engine.NamedParam("Force", "SwitchParameter", "Overwrites existing files in the destination.")),
		passThru: engine.Declare[bool](engine.NamedParam("PassThru", "SwitchParameter", "Causes the cmdlet to output the files and folders it extracted.")),
	}
}

func (p *expandParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.path.Info(), p.literalPath.Info(), p.destinationPath.Info(), p.force.Info(), p.passThru.Info()}
}

// registerArchiveCmdlets adds Compress-Archive and Expand-Archive.
func registerArchiveCmdlets(rt *engine.Runtime) {
	cp := newCompressParams()
	rt.Register(&engine.Cmdlet{
		Name: "Compress-Archive", Module: archiveModule, ClassName: "Compress-Archive",
		Synopsis: "Creates a compressed archive, or zipped file, from specified files and directories.",
		Description: "The Compress-Archive cmdlet creates a compressed, or zipped, archive file from one or more specified files or " +
			"directories. A directory is stored with its name as the root of its entries; empty directories are kept. An existing " +
			"archive is an error unless -Update (replace entries of the same name, add the others) or -Force (overwrite) is given.",
		DefaultSet:            "Path",
		SupportsShouldProcess: true,
		Params:                cp.infos(),
		Examples: []engine.Example{
			{Title: "Compress files to create an archive file", Code: "Compress-Archive -Path users.csv, report.html -DestinationPath ./Draft.zip"},
			{Title: "Update an archive", Code: "Compress-Archive -Path ./Reports -Update -DestinationPath ./Reports.zip"},
		},
		Outputs: []string{"System.IO.FileInfo"},
		New:     func() engine.Processor { return &compressArchive{p: cp} },
	})
	ep := newExpandParams()
	rt.Register(&engine.Cmdlet{
		Name: "Expand-Archive", Module: archiveModule, ClassName: "Expand-Archive",
		Synopsis: "Extracts files from a specified archive (zipped) file.",
		Description: "The Expand-Archive cmdlet extracts files from a specified zipped archive file to a specified destination folder " +
			"(by default a folder named after the archive in the current location). An existing file is an error unless -Force " +
			"is given; an entry that would land outside the destination is refused.",
		DefaultSet:            "Path",
		SupportsShouldProcess: true,
		Params:                ep.infos(),
		Examples:              []engine.Example{{Title: "Extract the contents of an archive", Code: "Expand-Archive -Path Draft.zip -DestinationPath ./Draft"}},
		Outputs:               []string{"System.IO.FileSystemInfo"},
		New:                   engine.ProcessOnly(func(c *engine.Call) error { return expandArchive(c, ep) }),
	})
	rt.AddModule(archiveModule)
}

// compressArchive is one Compress-Archive invocation: the sources are
// collected from the pipeline, the archive written at the end.
type compressArchive struct {
	p      *compressParams
	dest   string
	exists bool
	inputs []string
}

func (a *compressArchive) Begin(c *engine.Call) error {
	raw := a.p.destinationPath.Get(c)
	dest := c.ResolvePath(raw)
	parentRaw := filepath.Dir(fsSlashes(raw))
	if st, err := os.Stat(filepath.Dir(dest)); err != nil || !st.IsDir() {
		return engine.NewError("InvalidArgument", "ArchiveCmdletPathNotFound", parentRaw, arcPathNotFound, parentRaw).
			WithException("System.InvalidOperationException")
	}
	if filepath.Ext(dest) == "" {
		c.WriteVerbose("The archive file path '" + dest + "' supplied to the DestinationPath parameter does not include .zip extension. Hence .zip is appended to the supplied DestinationPath path and the archive file would be created at '" + dest + ".zip'.")
		dest += ".zip"
	}
	st, err := os.Stat(dest)
	a.exists = err == nil && !st.IsDir()
	if a.exists && !a.p.update.Get(c) && !a.p.force.Get(c) {
		return archiveError("ArchiveFileExists", "InvalidArgument", dest, arcZipFileExists, dest)
	}
	a.dest = dest
	return nil
}

func (a *compressArchive) Process(c *engine.Call) error {
	raws, _ := a.p.paths.args(c)
	a.inputs = append(a.inputs, raws...)
	return nil
}

func (a *compressArchive) End(c *engine.Call) error {
	_, literal := a.p.paths.args(c)
	seen := map[string]bool{}
	for _, raw := range a.inputs {
		key := strings.ToUpper(raw)
		if seen[key] {
			return archiveError("DuplicatePathFound", "InvalidArgument", raw, arcDuplicatePath, c.Set, raw, c.Set)
		}
		seen[key] = true
	}
	var sources []string
	for _, raw := range a.inputs {
		paths, _ := fsExpand(c, raw, literal)
		found := false
		for _, p := range paths {
			if _, err := os.Lstat(p); err == nil {
				sources = append(sources, p)
				found = true
			}
		}
		if !found {
			return engine.NewError("InvalidArgument", "ArchiveCmdletPathNotFound", raw, arcPathNotFound, raw).
				WithException("System.InvalidOperationException")
		}
	}
	if ok, err := c.ShouldProcess(strings.Join(sources, ","), "Compress-Archive"); err != nil || !ok {
		return err
	}
	c.WriteVerbose("Preparing to compress...")
	entries, err := archiveEntries(sources)
	if err != nil {
		return err
	}
	var old *zip.Reader
	if a.exists && a.p.update.Get(c) {
		data, err := os.ReadFile(a.dest)
		if err != nil {
			return engine.FileOpenError(a.dest, err)
		}
		if old, err = zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
			return archiveError("InvalidArchive", "InvalidData", a.dest, arcNotZip, a.dest)
		}
	}
	if len(entries) == 0 {
		// pwsh deletes an archive that would hold nothing.
		if a.exists && a.p.force.Get(c) {
			os.Remove(a.dest)
		}
		return nil
	}
	level := a.p.compressionLevel.Or(c, "Optimal")
	err = c.ReplaceFile(a.dest, 0o644, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		switch {
		case strings.EqualFold(level, "Fastest"):
			zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return flate.NewWriter(out, flate.BestSpeed) })
		case strings.EqualFold(level, "Optimal"):
			zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return flate.NewWriter(out, flate.BestCompression) })
		}
		replaced := map[string]bool{}
		for _, e := range entries {
			replaced[e.name] = true
		}
		if old != nil {
			for _, f := range old.File {
				if replaced[f.Name] {
					continue
				}
				if err := zw.Copy(f); err != nil {
					return err
				}
			}
		}
		for _, e := range entries {
			if err := e.write(c, zw, !strings.EqualFold(level, "NoCompression")); err != nil {
				return err
			}
		}
		return zw.Close()
	})
	if err != nil {
		if rec, ok := err.(*engine.ErrorRecord); ok {
			return rec
		}
		return engine.FileOpenError(a.dest, err)
	}
	if a.p.passThru.Get(c) {
		if st, err := os.Stat(a.dest); err == nil {
			return c.WriteObject(fsItem(a.dest, st))
		}
	}
	return nil
}

// archiveEntry is one file or empty directory to store.
type archiveEntry struct {
	name string // the entry's name: a/b.txt, or a/empty/ for a directory
	path string
	mod  time.Time
}

// write stores the entry.
func (e archiveEntry) write(c *engine.Call, zw *zip.Writer, deflate bool) error {
	h := &zip.FileHeader{Name: e.name, Method: zip.Store}
	mod := e.mod
	if mod.Year() < 1980 {
		c.WriteWarning("'" + e.path + "' has LastWriteTime earlier than 1980. Compress-Archive will store any files with LastWriteTime values earlier than 1980 as 1/1/1980 00:00.")
		mod = time.Date(1980, 1, 1, 0, 0, 0, 0, time.Local)
	}
	h.Modified = mod
	if strings.HasSuffix(e.name, "/") {
		_, err := zw.CreateHeader(h)
		c.WriteVerbose("Adding '" + e.path + "'.")
		return err
	}
	if deflate {
		h.Method = zip.Deflate
	}
	h.SetMode(0o644)
	if st, err := os.Stat(e.path); err == nil {
		h.SetMode(st.Mode().Perm())
	}
	w, err := zw.CreateHeader(h)
	if err != nil {
		return err
	}
	f, err := os.Open(e.path)
	if err != nil {
		return engine.FileOpenError(e.path, err)
	}
	defer f.Close()
	if _, err := io.Copy(w, f); err != nil {
		return err
	}
	c.WriteVerbose("Adding '" + e.path + "'.")
	return nil
}

// archiveEntries lists what the sources store: a file under its name, a
// directory's files and empty directories under the directory's name (its
// hidden items left out, as Get-ChildItem leaves them). Directories come
// first, as the Archive module adds them.
func archiveEntries(sources []string) ([]archiveEntry, error) {
	var dirs, files []archiveEntry
	for _, src := range sources {
		st, err := os.Stat(src)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			files = append(files, archiveEntry{name: filepath.Base(src), path: src, mod: st.ModTime()})
			continue
		}
		root := filepath.Dir(src)
		dirs = append(dirs, dirEntries(src, root)...)
	}
	return append(dirs, files...), nil
}

// dirEntries walks one directory as Get-ChildItem -Recurse does:
// subdirectories, then files, by name, then into each subdirectory.
func dirEntries(dir, root string) []archiveEntry {
	rel := func(p string) string { r, _ := filepath.Rel(root, p); return filepath.ToSlash(r) }
	var out []archiveEntry
	var walk func(d string)
	walk = func(d string) {
		list, err := os.ReadDir(d)
		if err != nil {
			return
		}
		var subdirs, files []string
		for _, e := range list {
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			p := filepath.Join(d, e.Name())
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				subdirs = append(subdirs, p)
			} else if err == nil {
				files = append(files, p)
			}
		}
		byName := func(s []string) {
			sort.Slice(s, func(i, j int) bool { return strings.ToLower(s[i]) < strings.ToLower(s[j]) })
		}
		byName(subdirs)
		byName(files)
		for _, sd := range subdirs {
			if !hasFiles(sd) {
				st, _ := os.Stat(sd)
				out = append(out, archiveEntry{name: rel(sd) + "/", path: sd, mod: st.ModTime()})
			}
		}
		for _, f := range files {
			st, _ := os.Stat(f)
			out = append(out, archiveEntry{name: rel(f), path: f, mod: st.ModTime()})
		}
		for _, sd := range subdirs {
			walk(sd)
		}
	}
	walk(dir)
	return out
}

// hasFiles reports whether a directory holds a file of its own.
func hasFiles(dir string) bool {
	list, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range list {
		if !e.IsDir() {
			return true
		}
	}
	return false
}

// expandArchive is one Expand-Archive input.
func expandArchive(c *engine.Call, p *expandParams) error {
	raw, literal := p.path.Get(c), false
	if p.literalPath.Given(c) {
		raw, literal = p.literalPath.Get(c), true
	}
	paths, _ := fsExpand(c, raw, literal)
	var existing []string
	for _, s := range paths {
		if _, err := os.Lstat(s); err == nil {
			existing = append(existing, s)
		}
	}
	switch {
	case len(existing) == 0:
		return engine.NewError("InvalidArgument", "ArchiveCmdletPathNotFound", raw, arcPathNotFound, raw).
			WithException("System.InvalidOperationException")
	case len(existing) > 1:
		return archiveError("InvalidArchiveFilePath", "InvalidArgument", raw, arcMultiplePaths, raw, c.Set, c.Set)
	}
	archive := existing[0]
	if st, err := os.Stat(archive); err != nil || st.IsDir() {
		return archiveError("PathNotFound", "InvalidArgument", archive, arcPathNotFound, archive)
	}
	dest := ""
	if d, ok := p.destinationPath.Lookup(c); ok {
		dest = c.ResolvePath(d)
		if st, err := os.Stat(dest); err == nil && !st.IsDir() {
			return archiveError("InvalidDirectoryPath", "InvalidArgument", d, arcInvalidDirPath, d)
		}
	} else {
		base := filepath.Base(archive)
		dest = filepath.Join(c.Runtime().Location(), strings.TrimSuffix(base, filepath.Ext(base)))
	}
	if ok, err := c.ShouldProcess(archive, "Expand-Archive"); err != nil || !ok {
		return err
	}
	c.WriteVerbose("Preparing to expand...")
	data, err := os.ReadFile(archive)
	if err != nil {
		return engine.FileOpenError(archive, err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return engine.NewError("NotSpecified", "System.IO.FileFormatException", nil, arcNotZip, archive).
			WithException("System.IO.FileFormatException")
	}
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return engine.FileOpenError(dest, err)
	}
	if len(zr.File) == 0 {
		c.WriteVerbose("The archive file " + archive + " is empty.")
		return nil
	}
	prefix := strings.TrimSuffix(dest, "/") + "/"
	var expanded []string
	for _, f := range zr.File {
		target := filepath.Clean(filepath.Join(prefix, filepath.FromSlash(strings.ReplaceAll(f.Name, `\`, "/"))))
		isDir := strings.HasSuffix(f.Name, "/") || strings.HasSuffix(f.Name, `\`)
		if isDir {
			target += "/"
		}
		if !strings.HasPrefix(target, prefix) {
			if err := c.WriteError(engine.NewError("NotSpecified", "Microsoft.PowerShell.Commands.WriteErrorException", nil, arcBadEntry, f.Name)); err != nil {
				return err
			}
			continue
		}
		if isDir {
			if _, err := os.Stat(target); err != nil {
				if err := os.MkdirAll(target, 0o755); err != nil {
					return engine.FileOpenError(target, err)
				}
				c.WriteVerbose("Adding '" + target + "'.")
				expanded = append(expanded, strings.TrimSuffix(target, "/"))
			}
			continue
		}
		parent := filepath.Dir(target)
		if _, err := os.Stat(parent); err != nil {
			if err := os.MkdirAll(parent, 0o755); err != nil {
				return engine.FileOpenError(parent, err)
			}
			expanded = append(expanded, parent)
		}
		if _, err := os.Stat(target); err == nil && !p.force.Get(c) {
			rec := engine.NewError("InvalidOperation", "ExpandArchiveFileExists", target, arcFileExists, target, archive, target, target).
				WithException("System.InvalidOperationException")
			if err := c.WriteError(rec); err != nil {
				return err
			}
			continue
		}
		if err := extractEntry(c, f, target); err != nil {
			return err
		}
		c.WriteVerbose("Created '" + target + "'.")
		expanded = append(expanded, target)
	}
	if !p.passThru.Get(c) {
		return nil
	}
	for _, x := range expanded {
		if st, err := os.Stat(x); err == nil {
			if err := c.WriteObject(fsItem(x, st)); err != nil {
				return err
			}
		}
	}
	return nil
}

// extractEntry writes one archive entry to target, with the entry's
// time.
func extractEntry(c *engine.Call, f *zip.File, target string) error {
	rc, err := f.Open()
	if err != nil {
		return engine.NewError("InvalidData", "System.IO.InvalidDataException", nil, "%s", err.Error()).
			WithException("System.IO.InvalidDataException")
	}
	defer rc.Close()
	perm := f.Mode().Perm()
	if perm == 0 {
		perm = 0o644
	}
	w, err := c.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return engine.FileOpenError(target, err)
	}
	if _, err := io.Copy(w, rc); err != nil {
		w.Close()
		return engine.NewError("WriteError", "System.IO.IOException", nil, "%s", err.Error()).WithException("System.IO.IOException")
	}
	if err := w.Close(); err != nil {
		return engine.FileOpenError(target, err)
	}
	if !f.Modified.IsZero() {
		os.Chtimes(target, f.Modified, f.Modified)
	}
	return nil
}
