/** Whether a new version of the app has taken over this page (the page then offers a reload). */
import { create } from 'zustand';

export const useAppUpdate = create<{ ready: boolean }>(() => ({ ready: false }));
