-- Drives the commspec language server from Neovim (0.7 or later): start it over stdio, open a file,
-- wait for its diagnostics, ask for completions, and write what Neovim received to a JSON file.
local server = os.getenv('COMMSPEC_SERVER')
local node = os.getenv('COMMSPEC_NODE') or 'node'
local file = os.getenv('COMMSPEC_FILE')
local out = os.getenv('COMMSPEC_OUT')
local line = tonumber(os.getenv('COMMSPEC_LINE'))
local col = tonumber(os.getenv('COMMSPEC_COL'))
local v = vim.version()
local result = { nvim = string.format('%d.%d.%d', v.major, v.minor, v.patch), diagnostics = {}, completion = {}, errors = {} }

local function finish()
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local config = {
    name = 'commspec',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    on_error = function(code, e) table.insert(result.errors, 'client error ' .. tostring(code) .. ': ' .. tostring(e)) end,
  }
  local id
  if vim.lsp.start then
    id = vim.lsp.start(config, { bufnr = bufnr })
  else
    id = vim.lsp.start_client(config)
    if id then vim.lsp.buf_attach_client(bufnr, id) end
  end
  if not id then error('Neovim could not start the language server') end
  vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
    table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, message = d.message, code = code, source = d.source, severity = d.severity })
  end
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = col } }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 10000)
  for _, r in pairs(responses or {}) do
    if r.err then table.insert(result.errors, vim.inspect(r.err)) end
    local items = r.result and (r.result.items or r.result) or {}
    for _, it in ipairs(items) do
      table.insert(result.completion, it.label)
    end
  end
  vim.lsp.stop_client(id)
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
