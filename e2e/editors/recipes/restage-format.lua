-- restage on save through stdin, no language server (Neovim 0.7 or newer).
-- The buffer goes to `restage -` with its file name (the name's folder is the build
-- context and where .restage.yaml is looked for); the buffer is replaced only when
-- restage exits 0, so a file that does not parse is saved as it is and the error is
-- shown, never pasted into the buffer.
local restage_files = { 'Dockerfile', 'Dockerfile.*', '*.Dockerfile', '*.dockerfile', 'dockerfile', 'Containerfile' }

local function restage_format(buf)
  local eol = vim.bo[buf].fileformat == 'dos' and '\r\n' or '\n'
  local input = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), eol) .. eol
  local out, err = {}, {}
  local job = vim.fn.jobstart({ 'restage', '--quiet', '--stdin-filename', vim.api.nvim_buf_get_name(buf), '-' }, {
    stdout_buffered = true,
    stderr_buffered = true,
    on_stdout = function(_, data) out = data end,
    on_stderr = function(_, data) err = data end,
  })
  if job <= 0 then
    vim.notify('restage: cannot run restage', vim.log.levels.ERROR)
    return
  end
  vim.fn.chansend(job, input)
  vim.fn.chanclose(job, 'stdin')
  local status = vim.fn.jobwait({ job }, 10000)[1]
  if status ~= 0 then
    vim.notify('restage: ' .. vim.trim(table.concat(err, '\n')), vim.log.levels.WARN)
    return
  end
  -- jobstart gives the output as lines; the last element is what follows the final
  -- newline ('' for a file that ends in one). Strip the carriage returns of CRLF files:
  -- Neovim writes them back from 'fileformat'.
  if out[#out] == '' then table.remove(out) end
  for i, l in ipairs(out) do out[i] = l:gsub('\r$', '') end
  if not vim.deep_equal(out, vim.api.nvim_buf_get_lines(buf, 0, -1, false)) then
    local view = vim.fn.winsaveview()
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, out)
    vim.fn.winrestview(view)
  end
end

vim.api.nvim_create_autocmd('BufWritePre', {
  pattern = restage_files,
  callback = function(args) restage_format(args.buf) end,
})
