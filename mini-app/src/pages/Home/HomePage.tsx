/** Screen 1 in the app's router: the home screen's content (HomeScreen.tsx) in zmp-ui's Page and Header. */
import { Screen } from "../../components/Screen.js";
import { HOME_TITLE, HomeBody } from "./HomeScreen.js";

export default function HomePage() {
  return (
    <Screen title={HOME_TITLE} back={false} name="home">
      <HomeBody />
    </Screen>
  );
}
