-- Test driver (not a recipe): loads the format-on-save recipe, saves the buffer
-- opened on the command line, and writes what it saw as JSON to $OUT for the Go test
-- to check. Run: nvim --headless -u NONE -i NONE -n -c 'luafile nvim_format.lua' FILE
local function finish(result)
  local f = assert(io.open(assert(os.getenv('OUT')), 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local notes = {}
vim.notify = function(msg, level) table.insert(notes, { msg = msg, level = level }) end

local ok, err = pcall(function()
  dofile(assert(os.getenv('RECIPE')))
  local buf = vim.api.nvim_get_current_buf()
  local before = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  vim.cmd('write')
  return {
    before = before,
    after = vim.api.nvim_buf_get_lines(buf, 0, -1, false),
    fileformat = vim.bo[buf].fileformat,
    modified = vim.bo[buf].modified,
    notes = notes,
  }
end)
if not ok then
  finish({ error = tostring(err), notes = notes })
else
  finish(err)
end
