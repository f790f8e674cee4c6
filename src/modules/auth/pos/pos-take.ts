/**
 * The POS limit's Redis script (PosLimits.take; the POS bench's floors send the same one). One POS request
 * of a key: refused while the key is paused, else counted in the current minute (a fixed window on Redis's
 * clock) and refused beyond the limit; refusals are counted too (never a log row each).
 * KEYS: requests of this minute, pause, refusals of this minute. ARGV: limit, window ms.
 * Answers {allowed 1/0, retry after ms, refusals so far in this minute, paused 1/0}.
 */
export const POS_TAKE = `
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then
  local refused = redis.call('INCR', KEYS[3])
  redis.call('PEXPIRE', KEYS[3], ARGV[2])
  return {0, paused, refused, 1}
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
local windowLeft = window - (now % window)
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], windowLeft) end
if count > tonumber(ARGV[1]) then
  local refused = redis.call('INCR', KEYS[3])
  redis.call('PEXPIRE', KEYS[3], window)
  return {0, windowLeft, refused, 0}
end
return {1, 0, 0, 0}
`;
