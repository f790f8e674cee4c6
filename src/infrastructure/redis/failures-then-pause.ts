/**
 * A sliding window of failures (a sorted set scored by time, on Redis's clock) that pauses its subject: the
 * failure that goes over the limit starts the pause (SET NX: once per pause, however many replicas race)
 * and clears the window, so the count starts afresh after it. Used for cashiers' failed code checks and for
 * a POS key's unknown codes. KEYS: failures, pause. ARGV: allowed, window ms, pause ms, a unique member.
 * Answers {failures in the window, paused now 1/0}.
 */
export const RECORD_FAILURE_THEN_PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
local failures = redis.call('ZCARD', KEYS[1])
if failures > tonumber(ARGV[1]) then
  redis.call('DEL', KEYS[1])
  if redis.call('SET', KEYS[2], now, 'PX', tonumber(ARGV[3]), 'NX') then return {failures, 1} end
end
return {failures, 0}
`;
