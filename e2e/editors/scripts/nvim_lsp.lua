-- Test driver (not a recipe): loads the language-server recipe, opens $FILE, waits for
-- restage's diagnostics, then, by $MODE:
--   format: saves the buffer (the recipe formats it through the server on save);
--   action: asks for the code actions on the FROM line ($FROM_LINE, 0-based) with the
--           diagnostics there, applies the quickfix's edit and saves without autocommands;
--   quiet:  saves after waiting $WAIT_MS for diagnostics that should not come;
--   config: sends workspace/didChangeConfiguration with {restage = {runtime = $RUNTIME}},
--           waits for a hint that names $WANT_IMAGE, then saves (format on save).
-- Writes what it saw as JSON to $OUT for the Go test to check.
-- Run: nvim --headless -u NONE -i NONE -n -c 'luafile nvim_lsp.lua'
local function finish(result)
  local f = assert(io.open(assert(os.getenv('OUT')), 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

vim.lsp.set_log_level('debug') -- the Go test prints ~/.cache/nvim/lsp.log on failure
local published = {}
local default = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  table.insert(published, result)
  return default(err, result, ctx, config)
end

local result = { published = published }

-- $OFFER_UTF8: offer UTF-8 positions the way Neovim 0.7 can (clangd's offsetEncoding,
-- read back in on_init; 0.7 has no general.positionEncodings), to check the
-- negotiation with a real client. The recipe is left as it is: start_client is wrapped.
if os.getenv('OFFER_UTF8') then
  local start_client = vim.lsp.start_client
  vim.lsp.start_client = function(config)
    config.capabilities = vim.tbl_deep_extend('force', vim.lsp.protocol.make_client_capabilities(),
      { offsetEncoding = { 'utf-8', 'utf-16' } })
    config.on_init = function(client, init)
      result.negotiated = init.offsetEncoding or init.capabilities.positionEncoding
      if init.offsetEncoding then client.offset_encoding = init.offsetEncoding end
    end
    return start_client(config)
  end
end
local ok, err = pcall(function()
  local mode = assert(os.getenv('MODE'))
  dofile(assert(os.getenv('RECIPE')))
  vim.cmd('edit ' .. vim.fn.fnameescape(assert(os.getenv('FILE'))))
  local buf = vim.api.nvim_get_current_buf()
  local function got_some()
    for _, p in ipairs(published) do
      if #p.diagnostics > 0 then return true end
    end
    return false
  end
  if mode == 'quiet' then
    vim.wait(tonumber(os.getenv('WAIT_MS')), got_some, 20)
    vim.cmd('write')
  else
    if not vim.wait(10000, got_some, 20) then error('no diagnostics within 10 s') end
    result.vim_diagnostics = #vim.diagnostic.get(buf)
    if mode == 'format' then
      vim.cmd('write')
    elseif mode == 'config' then
      local want = assert(os.getenv('WANT_IMAGE'))
      local function hinted()
        for _, p in ipairs(published) do
          for _, d in ipairs(p.diagnostics) do
            if d.code == 'split' and d.message:find(want, 1, true) then return true end
          end
        end
        return false
      end
      if hinted() then error('the hint names ' .. want .. ' before the settings changed') end
      vim.lsp.get_client_by_id(1).notify('workspace/didChangeConfiguration',
        { settings = { restage = { runtime = assert(os.getenv('RUNTIME')) } } })
      if not vim.wait(10000, hinted, 20) then error('no hint naming ' .. want .. ' within 10 s') end
      vim.cmd('write')
    elseif mode == 'action' then
      local line = tonumber(os.getenv('FROM_LINE'))
      vim.api.nvim_win_set_cursor(0, { line + 1, 0 })
      local params = vim.lsp.util.make_range_params()
      params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, line) }
      result.sent_diagnostics = params.context.diagnostics
      local actions = {}
      local function request()
        for _, r in pairs(vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 5000) or {}) do
          if r.err then error('codeAction: ' .. vim.inspect(r.err)) end
          for _, a in ipairs(r.result or {}) do table.insert(actions, a) end
        end
      end
      request() -- what the cursor on the FROM line offers (the quickfix)
      params.context.only = { 'source.fixAll.restage' } -- what a fix-all on save asks for
      request()
      -- A copy: apply_workspace_edit rewrites the edits it applies in place (it
      -- strips the CR of CRLF new text and numbers them).
      result.actions = vim.deepcopy(actions)
      for _, a in ipairs(actions) do
        if a.kind == 'quickfix' and a.edit then
          vim.lsp.util.apply_workspace_edit(a.edit, vim.lsp.get_client_by_id(1).offset_encoding)
          break
        end
      end
      vim.cmd('noautocmd write')
    else
      error('MODE ' .. mode)
    end
  end
  result.modified = vim.bo[buf].modified
  -- Counted last: a client is listed once its initialize has been answered.
  result.clients = vim.tbl_count(vim.lsp.buf_get_clients(buf))
end)
if not ok then result.error = tostring(err) end
finish(result)
