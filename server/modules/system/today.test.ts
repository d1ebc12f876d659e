/**
 * The web's "today" comes from the server's clock (GET /api/today), in China's time zone: a form
 * that defaults to the browser's date would disagree with the rules when a PC clock is wrong.
 */
import { expect, it } from 'vitest'
import { FIXED_NOW, forEachDatabase } from '../../../tests/harness.js'

forEachDatabase('GET /api/today', (h) => {
  it("answers the China date of the server's clock, without a login", async () => {
    const res = await h.anonymous().get('/api/today')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ today: '2026-11-27', now: FIXED_NOW })
  })

  it('turns to the next day at midnight in Shanghai, which is 16:00 UTC', async () => {
    h.clock.set('2026-11-27T15:59:59.000Z')
    expect((await h.anonymous().get('/api/today')).json().today).toBe('2026-11-27')
    h.clock.set('2026-11-27T16:00:00.000Z')
    expect((await h.anonymous().get('/api/today')).json().today).toBe('2026-11-28')
  })
})
